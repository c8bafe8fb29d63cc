// Command mlplatform is the Pulumi program; `pulumi up` runs it. Everything it does lives in
// package stack, which the tests and the offline plan (cmd/plan) run too.
package main

import (
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/stack"
)

func main() { pulumi.Run(stack.Program(time.Now, stack.EngineConfigKeys)) }
