// Command drift reads the event log of `pulumi preview --refresh --expect-no-changes` and
// names the resources that drifted (the scheduled drift workflow, .github/workflows/drift.yml):
//
//	PULUMI_DEBUG_COMMANDS=true pulumi preview --stack S --refresh --expect-no-changes --event-log events.jsonl
//	go run ./cmd/drift -stack S -events events.jsonl >> "$GITHUB_STEP_SUMMARY"
//
// It prints a Markdown summary and exits 1 when a resource drifted, 2 when it cannot read the log.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/example/mlplatform/internal/drift"
)

func main() {
	stack := flag.String("stack", "", "the stack the preview ran on (for the summary)")
	events := flag.String("events", "", "the preview's --event-log file")
	flag.Parse()
	if *stack == "" || *events == "" {
		fmt.Fprintln(os.Stderr, "usage: drift -stack STACK -events FILE")
		os.Exit(2)
	}
	os.Exit(run(*stack, *events))
}

func run(stack, path string) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "drift:", err)
		return 2
	}
	defer f.Close()
	evs, err := drift.ReadEventLog(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "drift:", err)
		return 2
	}
	changes := drift.FromEvents(evs)
	fmt.Print(drift.Markdown(stack, changes))
	if len(changes) > 0 {
		return 1
	}
	return 0
}
