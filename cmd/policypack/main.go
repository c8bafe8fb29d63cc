// Command policypack serves the platform's policy rules to the Pulumi engine, so that
//
//	go build -o bin/mlplatform-policy ./cmd/policypack
//	pulumi preview --policy-pack bin/mlplatform-policy
//	pulumi up --policy-pack bin/mlplatform-policy
//
// enforce the same rules, waivers and decisions as the offline plan (bin/plan). A policy pack
// may be an executable the engine starts as it starts a provider (pulumi v3.255.0 and later,
// pulumi/pulumi#24052: pkg/resource/plugin/analyzer_plugin.go, NewPolicyAnalyzer), so neither
// Node.js nor Pulumi's Go language host is needed.
package main

import (
	"fmt"
	"net"
	"os"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	if err := serve(); err != nil {
		fmt.Fprintln(os.Stderr, "policypack:", err)
		os.Exit(1)
	}
}

// serve follows the plugin protocol: the engine passes flags (--logtostderr, -v=N, --tracing)
// and its own address, none of which the pack needs, and reads the port from the first line
// of stdout (pulumi pkg/resource/plugin/plugin.go, newPlugin).
func serve() error {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(256 << 20))
	pulumirpc.RegisterAnalyzerServer(srv, newPack(today))
	fmt.Printf("%d\n", lis.Addr().(*net.TCPAddr).Port)
	return srv.Serve(lis)
}

// today is the date the rules judge by: the day of the run, as `bin/plan` uses by default.
// MLPLATFORM_POLICY_DATE (YYYY-MM-DD) sets another, as `bin/plan -now` does; the engine-level
// test uses it to judge on the day its program's clock shows.
func today() (time.Time, error) {
	if d := os.Getenv("MLPLATFORM_POLICY_DATE"); d != "" {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return time.Time{}, fmt.Errorf("MLPLATFORM_POLICY_DATE %q: want YYYY-MM-DD", d)
		}
		return t, nil
	}
	return time.Now().UTC(), nil
}
