// Command standin is a provider plugin for the engine-level test (make e2e): no real provider
// can be downloaded here, so one binary, installed under every package name and version the
// program asks for, speaks the provider gRPC protocol to the real Pulumi engine and answers
// from the project's own mocks (internal/mocks). Check returns the inputs, Diff compares old
// and new inputs, Create/Update/Read/Invoke answer like the offline plan.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/example/mlplatform/internal/mocks"
)

func main() {
	if err := serve(); err != nil {
		fmt.Fprintln(os.Stderr, "standin:", err)
		os.Exit(1)
	}
}

// serve follows the plugin protocol: listen on a free loopback port, print it, serve.
func serve() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	name, version := identity(exe)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(64 << 20))
	pulumirpc.RegisterResourceProviderServer(srv, &provider{name: name, version: version, config: map[string]string{}})
	fmt.Printf("%d\n", lis.Addr().(*net.TCPAddr).Port)
	return srv.Serve(lis)
}

var pluginDir = regexp.MustCompile(`^resource-(.+)-v(\d+\.\d+\.\d+.*)$`)

// identity reads the package name and version from the install path
// ($PULUMI_HOME/plugins/resource-NAME-vVERSION/pulumi-resource-NAME).
func identity(exe string) (string, string) {
	if m := pluginDir.FindStringSubmatch(filepath.Base(filepath.Dir(exe))); m != nil {
		return m[1], m[2]
	}
	return strings.TrimPrefix(filepath.Base(exe), "pulumi-resource-"), "0.0.1"
}

type provider struct {
	pulumirpc.UnimplementedResourceProviderServer
	name, version string
	config        map[string]string
	// cluster is the stand-in Kubernetes cluster of this provider instance (kubernetes only).
	cluster cluster
}

var opts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	return plugin.UnmarshalProperties(s, opts)
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, opts)
}

// mocksFor builds mocks for the stack and project the resource's URN names.
func (p *provider) mocksFor(urn string) *mocks.Mocks {
	u := resource.URN(urn)
	m := mocks.New(string(u.Project()), string(u.Stack()))
	m.SetConfig(p.config)
	return m
}

func (p *provider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.version}, nil
}

func (p *provider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *provider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

// Configure records the provider's configuration ("gcp:config:project" → "gcp:project"), which
// the mocks read as the program's config.
func (p *provider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	for k, v := range req.GetVariables() {
		p.config[strings.Replace(k, ":config:", ":", 1)] = v
	}
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true, AcceptOutputs: true}, nil
}

func (p *provider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

// Diff reports the top-level inputs whose values changed, as updates.
func (p *provider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	p.seen(req.GetUrn(), req.GetOlds())
	oldStruct := req.GetOldInputs()
	if oldStruct == nil {
		oldStruct = req.GetOlds()
	}
	olds, err := unmarshal(oldStruct)
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	var changed []string
	for k, v := range news {
		if o, ok := olds[k]; !ok || !o.DeepEquals(v) {
			changed = append(changed, string(k))
		}
	}
	for k := range olds {
		if _, ok := news[k]; !ok {
			changed = append(changed, string(k))
		}
	}
	if len(changed) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME, Diffs: changed}, nil
}

func (p *provider) provision(urn, id string, inputs *structpb.Struct) (string, *structpb.Struct, error) {
	props, err := unmarshal(inputs)
	if err != nil {
		return "", nil, err
	}
	u := resource.URN(urn)
	newID, outs, err := p.mocksFor(urn).NewResource(pulumi.MockResourceArgs{
		TypeToken: string(u.Type()), Name: u.Name(), Inputs: props, Custom: true, ID: id,
	})
	if err != nil {
		return "", nil, err
	}
	st, err := marshal(outs)
	return newID, st, err
}

func (p *provider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	if p.name == "kubernetes" && !req.GetPreview() {
		props, err := unmarshal(req.GetProperties())
		if err != nil {
			return nil, err
		}
		if err := p.cluster.create(req.GetUrn(), props); err != nil {
			return nil, err
		}
	}
	id, outs, err := p.provision(req.GetUrn(), "", req.GetProperties())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: outs}, nil
}

func (p *provider) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	p.seen(req.GetUrn(), req.GetOlds())
	_, outs, err := p.provision(req.GetUrn(), req.GetId(), req.GetNews())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: outs}, nil
}

// Read answers a refresh with what the state holds, unless the drift file ($STANDIN_DRIFT)
// says someone changed the resource outside Pulumi: {"URN": {"property.path": value}}. The
// changed value is returned as both output and input, as a real provider's Read does.
func (p *provider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	p.seen(req.GetUrn(), req.GetProperties())
	changes, err := driftOf(req.GetUrn())
	if err != nil || len(changes) == 0 {
		return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, err
	}
	props, err := drifted(req.GetProperties(), changes)
	if err != nil {
		return nil, err
	}
	inputs, err := drifted(req.GetInputs(), changes)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: props, Inputs: inputs}, nil
}

// driftOf reads the drift file's changes for one resource; no file means no drift.
func driftOf(urn string) (map[string]interface{}, error) {
	path := os.Getenv("STANDIN_DRIFT")
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var all map[string]map[string]interface{}
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return all[urn], nil
}

// drifted sets each changed property path in a copy of props.
func drifted(st *structpb.Struct, changes map[string]interface{}) (*structpb.Struct, error) {
	props, err := unmarshal(st)
	if err != nil || props == nil {
		return st, err
	}
	obj := resource.NewObjectProperty(props.Copy())
	for path, v := range changes {
		pp, err := resource.ParsePropertyPath(path)
		if err != nil {
			return nil, err
		}
		if !pp.Set(obj, resource.NewPropertyValue(v)) {
			return nil, fmt.Errorf("drift: cannot set %s", path)
		}
	}
	return marshal(obj.ObjectValue())
}

// seen tells the stand-in cluster what the engine's state holds (a resource it diffs, reads
// or updates exists in the stack).
func (p *provider) seen(urn string, olds *structpb.Struct) {
	if p.name != "kubernetes" || olds == nil {
		return
	}
	if props, err := unmarshal(olds); err == nil {
		p.cluster.seen(string(resource.URN(urn).Type()), props)
	}
}

func (p *provider) Delete(context.Context, *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (p *provider) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args, err := unmarshal(req.GetArgs())
	if err != nil {
		return nil, err
	}
	m := mocks.New("", "")
	m.SetConfig(p.config)
	ret, err := m.Call(pulumi.MockCallArgs{Token: req.GetTok(), Args: args})
	if err != nil {
		return nil, err
	}
	st, err := marshal(ret)
	return &pulumirpc.InvokeResponse{Return: st}, err
}

func (p *provider) GetMapping(context.Context, *pulumirpc.GetMappingRequest) (*pulumirpc.GetMappingResponse, error) {
	return &pulumirpc.GetMappingResponse{}, nil
}

func (p *provider) GetMappings(context.Context, *pulumirpc.GetMappingsRequest) (*pulumirpc.GetMappingsResponse, error) {
	return &pulumirpc.GetMappingsResponse{}, nil
}

func (p *provider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
