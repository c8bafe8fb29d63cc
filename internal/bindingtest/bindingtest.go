// Package bindingtest is the test harness the hand-written resource bindings (azurenative,
// gcpnative/compute, kubenative) share: a mock engine that keeps every registration request
// whole, the golden file of what the official SDK registers, and the required-argument check.
// It is imported only by those packages' tests and links no official provider SDK, so the
// default tests compile none.
package bindingtest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Recorder is a mock engine that keeps every registration request whole, so a binding's
// request can be compared field by field with the official SDK's, and the invokes' tokens.
// What differs between providers is in its fields; the zero Recorder echoes the inputs as
// the outputs, with the id name+"-id", and answers no invoke.
type Recorder struct {
	// Outputs, if set, adds the outputs the cloud computes to out (a copy of the inputs).
	Outputs func(args pulumi.MockResourceArgs, out resource.PropertyMap)
	// ID, if set, is the id a resource is given.
	ID func(args pulumi.MockResourceArgs) string
	// Invokes answers an invoke by token; any other invoke is an error.
	Invokes map[string]resource.PropertyMap

	mu      sync.Mutex
	Reqs    map[string]*pulumirpc.RegisterResourceRequest // by resource name
	Invoked []string                                      // invoke tokens, in order
}

func (r *Recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	req := proto.Clone(args.RegisterRPC).(*pulumirpc.RegisterResourceRequest)
	// Where the call came from differs between two programs by construction.
	req.SourcePosition, req.StackTrace, req.ParentStackTraceHandle = nil, nil, ""
	sort.Strings(req.Dependencies)
	for _, deps := range req.PropertyDependencies {
		sort.Strings(deps.Urns)
	}
	r.mu.Lock()
	if r.Reqs == nil {
		r.Reqs = map[string]*pulumirpc.RegisterResourceRequest{}
	}
	r.Reqs[args.Name] = req
	r.mu.Unlock()

	out := args.Inputs.Copy()
	if r.Outputs != nil {
		r.Outputs(args, out)
	}
	id := args.Name + "-id"
	if r.ID != nil {
		id = r.ID(args)
	}
	return id, out, nil
}

func (r *Recorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	r.mu.Lock()
	r.Invoked = append(r.Invoked, args.Token)
	r.mu.Unlock()
	answer, ok := r.Invokes[args.Token]
	if !ok {
		return nil, fmt.Errorf("unexpected invoke %s", args.Token)
	}
	return answer.Copy(), nil
}

// Runner runs fn under a fresh Recorder.
type Runner func(fn pulumi.RunFunc) (*Recorder, error)

// RunRecorded runs fn under rec; project and stack are the same in every run of a package, so
// two programs that register the same resources produce the same URNs.
func RunRecorded(project string, rec *Recorder, fn pulumi.RunFunc) (*Recorder, error) {
	err := pulumi.RunErr(fn, pulumi.WithMocks(project, "test", rec))
	return rec, err
}

// Await resolves an output inside a mocked run.
func Await(t testing.TB, o pulumi.Output) interface{} {
	t.Helper()
	r, err := internals.UnsafeAwaitOutput(context.Background(), o)
	if err != nil || !r.Known {
		t.Errorf("await: known=%v err=%v", r.Known, err)
	}
	return r.Value
}

// Program registers bindings (or their official counterparts) and returns the outputs it
// reads back.
type Program func(ctx *pulumi.Context) (map[string]pulumi.Output, error)

// Registrations runs p and returns its recorder and its outputs, resolved.
func Registrations(t testing.TB, run Runner, p Program) (*Recorder, map[string]interface{}) {
	t.Helper()
	got := map[string]interface{}{}
	rec, err := run(func(ctx *pulumi.Context) error {
		outs, err := p(ctx)
		for name, o := range outs {
			got[name] = Await(t, o)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return rec, got
}

// Golden is what the official SDK registers, as a package's golden file holds it: the
// program's requests and the outputs it reads back, and its invokes or its nil-args requests
// (a package's file has the one it records; omitempty keeps -update from adding the other).
type Golden struct {
	Program map[string]json.RawMessage `json:"program"` // registration request (protojson) by resource name
	Invokes []string                   `json:"invokes,omitempty"`
	Outputs map[string]string          `json:"outputs"` // the outputs the program reads back, printed
	NilArgs map[string]json.RawMessage `json:"nilArgs,omitempty"`
}

// LoadGolden reads the golden file.
func LoadGolden(t testing.TB, file string) (g Golden) {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// WriteGolden writes g to file indented, keys sorted (encoding/json re-formats protojson's
// output, whose spacing is deliberately unstable).
func WriteGolden(t testing.TB, file string, g Golden) {
	t.Helper()
	raw, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(raw, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Printed is outputs as the golden file holds them, each printed with fmt.Sprint.
func Printed(outputs map[string]interface{}) map[string]string {
	out := map[string]string{}
	for k, v := range outputs {
		out[k] = fmt.Sprint(v)
	}
	return out
}

// DecodeRequests decodes the protojson requests a golden file (named in errors) holds.
func DecodeRequests(t testing.TB, file string, raw map[string]json.RawMessage) map[string]*pulumirpc.RegisterResourceRequest {
	t.Helper()
	out := map[string]*pulumirpc.RegisterResourceRequest{}
	for name, r := range raw {
		req := &pulumirpc.RegisterResourceRequest{}
		if err := protojson.Unmarshal(r, req); err != nil {
			t.Fatalf("%s: %s: %v", file, name, err)
		}
		out[name] = req
	}
	return out
}

// EncodeRequests is the inverse of DecodeRequests.
func EncodeRequests(t testing.TB, reqs map[string]*pulumirpc.RegisterResourceRequest) map[string]json.RawMessage {
	t.Helper()
	out := map[string]json.RawMessage{}
	for name, req := range reqs {
		raw, err := protojson.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = raw
	}
	return out
}

// CompareRequests requires the same resources with identical requests.
func CompareRequests(t testing.TB, got, want map[string]*pulumirpc.RegisterResourceRequest) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: not registered", name)
		} else if !proto.Equal(g, w) {
			t.Errorf("%s (%s): request differs\n got %s\nwant %s", name, w.GetType(), protojson.Format(g), protojson.Format(w))
		}
	}
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("registered %d resources, want %d", len(got), len(want))
	}
}

// RequiredCase is one invalid call through a binding, and the generated constructor's error
// for it. A package declares its own type on it (type requiredCase bindingtest.RequiredCase),
// so its case tables can stay unkeyed.
type RequiredCase struct {
	Call func(ctx *pulumi.Context) error
	Want string
}

// requiredCase is any type declared on RequiredCase.
type requiredCase interface {
	~struct {
		Call func(ctx *pulumi.Context) error
		Want string
	}
}

// Refuses makes every call in one program and requires each case's error, exactly, and no
// registration. With calls nil it makes each case's own Call; otherwise calls (the same cases
// made through the official SDK, labelled "official") must be exactly as many as the cases.
func Refuses[C requiredCase](t testing.TB, run Runner, cases map[string]C, calls map[string]func(ctx *pulumi.Context) error) {
	t.Helper()
	label := "official "
	if calls == nil {
		label, calls = "", map[string]func(ctx *pulumi.Context) error{}
		for name, c := range cases {
			calls[name] = RequiredCase(c).Call
		}
	}
	errs := map[string]error{}
	rec, err := run(func(ctx *pulumi.Context) error {
		for name, fn := range calls {
			errs[name] = fn(ctx)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(cases) {
		t.Errorf("%d official cases for %d binding cases", len(calls), len(cases))
	}
	for name, c := range cases {
		if err, want := errs[name], RequiredCase(c).Want; err == nil || err.Error() != want {
			t.Errorf("%s%s: error %v, want %q", label, name, err, want)
		}
	}
	if n := len(rec.Reqs); n != 0 {
		t.Errorf("%d resources registered despite invalid arguments", n)
	}
}

// A Printer prints a program's resolved outputs as the golden file holds them.
type Printer func(outputs map[string]interface{}) map[string]string

// CheckBindings runs the binding program p and requires what the golden file says the
// official SDK does: identical requests for the same resources, the same invokes and the same
// outputs read back; and every token in tokens exercised. It returns the recorder.
func CheckBindings(t testing.TB, file string, run Runner, p Program, printed Printer, tokens []string) *Recorder {
	t.Helper()
	g := LoadGolden(t, file)
	rec, outputs := Registrations(t, run, p)
	CompareRequests(t, rec.Reqs, DecodeRequests(t, file, g.Program))
	exercised := map[string]bool{}
	for _, req := range rec.Reqs {
		exercised[req.GetType()] = true
	}
	for _, tok := range tokens {
		if !exercised[tok] {
			t.Errorf("%s: not exercised", tok)
		}
	}
	if !reflect.DeepEqual(rec.Invoked, g.Invokes) {
		t.Errorf("invokes = %v, golden %v", rec.Invoked, g.Invokes)
	}
	if got := printed(outputs); !reflect.DeepEqual(got, g.Outputs) {
		t.Errorf("outputs read back:\n got %v\nwant %v", got, g.Outputs)
	}
	return rec
}

// CheckGolden requires the golden file to be what the official program p registers, invokes
// and reads back, and, with nilArgs set, what nilArgs (the official constructors called with
// nil args) registers; with update it rewrites the file from them first.
func CheckGolden(t testing.TB, file string, update bool, run Runner, p Program, nilArgs pulumi.RunFunc, printed Printer) {
	t.Helper()
	rec, outputs := Registrations(t, run, p)
	official := Golden{Program: EncodeRequests(t, rec.Reqs), Invokes: rec.Invoked, Outputs: printed(outputs)}
	var nilReqs map[string]*pulumirpc.RegisterResourceRequest
	if nilArgs != nil {
		nilRec, err := run(nilArgs)
		if err != nil {
			t.Fatal(err)
		}
		nilReqs = nilRec.Reqs
		official.NilArgs = EncodeRequests(t, nilReqs)
	}
	if update {
		WriteGolden(t, file, official)
	}
	g := LoadGolden(t, file)
	CompareRequests(t, DecodeRequests(t, file, g.Program), rec.Reqs)
	if nilArgs != nil {
		CompareRequests(t, DecodeRequests(t, file, g.NilArgs), nilReqs)
	}
	if !reflect.DeepEqual(rec.Invoked, g.Invokes) {
		t.Errorf("invokes: golden %v, official %v", g.Invokes, rec.Invoked)
	}
	if !reflect.DeepEqual(official.Outputs, g.Outputs) {
		t.Errorf("outputs read back:\n golden %v\nofficial %v", g.Outputs, official.Outputs)
	}
}
