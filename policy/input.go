package policy

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"google.golang.org/protobuf/types/known/structpb"
)

// Input is everything the gate judges for one stack: the registrations, the stack outputs, the
// deployer and the clock. Its JSON form keeps property values with Pulumi's own marshaling
// (the provider protocol's: secrets, unknowns, resource references and output values survive),
// so this package's tests judge the committed stacks' real plans (testdata/plans, written by
// `make docs`) without linking the cloud SDKs that produce them.
type Input struct {
	Resources []Resource
	Outputs   []Output
	Deployer  Deployer
	Clock     Clock
}

// PropertyOptions marshal property values the way the rules need them kept: secrets, unknowns
// (a preview's values computed at apply), resource references and output values. The policy
// pack reads the engine's properties with them too.
var PropertyOptions = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true}

type inputJSON struct {
	Resources []resourceJSON `json:"resources"`
	Outputs   []outputJSON   `json:"outputs"`
	Deployer  string         `json:"deployerNetwork"`
	Now       time.Time      `json:"now"`
	Rotation  int            `json:"credentialRotationDays"`
}

type resourceJSON struct {
	URN          string          `json:"urn"`
	Type         string          `json:"type"`
	Name         string          `json:"name"`
	Parent       string          `json:"parent,omitempty"`
	Custom       bool            `json:"custom,omitempty"`
	Protect      bool            `json:"protect,omitempty"`
	Provider     string          `json:"provider,omitempty"`
	Dependencies []string        `json:"dependencies,omitempty"`
	Inputs       json.RawMessage `json:"inputs"`
	Outputs      json.RawMessage `json:"outputs"`
}

type outputJSON struct {
	Name   string          `json:"name"`
	Secret bool            `json:"secret,omitempty"`
	Value  json.RawMessage `json:"value"`
}

// MarshalJSON writes in with its property values as the provider protocol marshals them.
func (in Input) MarshalJSON() ([]byte, error) {
	out := inputJSON{Deployer: in.Deployer.Network, Now: in.Clock.Now, Rotation: in.Clock.CredentialRotationDays}
	for _, r := range in.Resources {
		inputs, err := marshalMap(r.Inputs)
		if err != nil {
			return nil, fmt.Errorf("%s inputs: %w", r.URN, err)
		}
		outputs, err := marshalMap(r.Outputs)
		if err != nil {
			return nil, fmt.Errorf("%s outputs: %w", r.URN, err)
		}
		out.Resources = append(out.Resources, resourceJSON{URN: r.URN, Type: r.Type, Name: r.Name, Parent: r.Parent,
			Custom: r.Custom, Protect: r.Protect, Provider: r.Provider, Dependencies: r.Dependencies, Inputs: inputs, Outputs: outputs})
	}
	for _, o := range in.Outputs {
		v, err := plugin.MarshalPropertyValue(resource.PropertyKey(o.Name), outputValue(o.Value), PropertyOptions)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", o.Name, err)
		}
		raw, err := json.Marshal(v.AsInterface())
		if err != nil {
			return nil, err
		}
		out.Outputs = append(out.Outputs, outputJSON{Name: o.Name, Secret: o.Secret, Value: raw})
	}
	return json.MarshalIndent(out, "", " ")
}

// UnmarshalJSON reads what MarshalJSON wrote; output values come back as property values.
func (in *Input) UnmarshalJSON(data []byte) error {
	var raw inputJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*in = Input{Deployer: Deployer{Network: raw.Deployer}, Clock: Clock{Now: raw.Now, CredentialRotationDays: raw.Rotation}}
	for _, r := range raw.Resources {
		inputs, err := unmarshalMap(r.Inputs)
		if err != nil {
			return fmt.Errorf("%s inputs: %w", r.URN, err)
		}
		outputs, err := unmarshalMap(r.Outputs)
		if err != nil {
			return fmt.Errorf("%s outputs: %w", r.URN, err)
		}
		in.Resources = append(in.Resources, Resource{URN: r.URN, Type: r.Type, Name: r.Name, Parent: r.Parent, Custom: r.Custom,
			Protect: r.Protect, Provider: r.Provider, Dependencies: r.Dependencies, Inputs: inputs, Outputs: outputs})
	}
	for _, o := range raw.Outputs {
		var plain any
		if err := json.Unmarshal(o.Value, &plain); err != nil {
			return fmt.Errorf("output %s: %w", o.Name, err)
		}
		v, err := structpb.NewValue(plain)
		if err != nil {
			return fmt.Errorf("output %s: %w", o.Name, err)
		}
		pv, err := plugin.UnmarshalPropertyValue(resource.PropertyKey(o.Name), v, PropertyOptions)
		if err != nil {
			return fmt.Errorf("output %s: %w", o.Name, err)
		}
		in.Outputs = append(in.Outputs, Output{Name: o.Name, Value: *pv, Secret: o.Secret})
	}
	return nil
}

// outputValue is an output's value as a property value, whichever form it was given in.
func outputValue(v any) resource.PropertyValue {
	switch t := v.(type) {
	case resource.PropertyValue:
		return t
	case resource.PropertyMap:
		return resource.NewObjectProperty(t)
	}
	return resource.NewPropertyValue(v)
}

func marshalMap(m resource.PropertyMap) (json.RawMessage, error) {
	st, err := plugin.MarshalProperties(m, PropertyOptions)
	if err != nil {
		return nil, err
	}
	// encoding/json sorts map keys, so the file is byte-stable (protojson's output is not).
	return json.Marshal(st.AsMap())
}

func unmarshalMap(raw json.RawMessage) (resource.PropertyMap, error) {
	var plain map[string]any
	if err := json.Unmarshal(raw, &plain); err != nil {
		return nil, err
	}
	st, err := structpb.NewStruct(plain)
	if err != nil {
		return nil, err
	}
	return plugin.UnmarshalProperties(st, PropertyOptions)
}
