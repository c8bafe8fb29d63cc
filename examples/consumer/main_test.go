package main

import (
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/contract"
)

// platformStack answers the StackReference as the Pulumi service would.
type platformStack struct {
	mu       sync.Mutex
	readName string
}

func (p *platformStack) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	if args.TypeToken != "pulumi:pulumi:StackReference" {
		return args.Name, args.Inputs, nil
	}
	p.mu.Lock()
	p.readName = args.ID
	p.mu.Unlock()
	outputs := resource.PropertyMap{}
	var secretNames []resource.PropertyValue
	for _, o := range contract.Outputs {
		v := resource.NewStringProperty("value-of-" + o.Name)
		if o.Secret { // the service returns secret outputs as secrets
			v = resource.MakeSecret(v)
			secretNames = append(secretNames, resource.NewStringProperty(o.Name))
		}
		outputs[resource.PropertyKey(o.Name)] = v
	}
	return args.ID, resource.PropertyMap{
		"name":              resource.NewStringProperty(args.ID),
		"outputs":           resource.NewObjectProperty(outputs),
		"secretOutputNames": resource.NewArrayProperty(secretNames),
	}, nil
}

func (p *platformStack) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

func TestConsumerReadsThePlatformContract(t *testing.T) {
	mock := &platformStack{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		platform, _, err := contract.Read(ctx, "platform", "acme/mlplatform/prod")
		if err != nil {
			return err
		}
		pulumi.All(platform.AppConfigEndpoint, platform.MicroserviceGSAEmail).ApplyT(func(v []interface{}) error {
			if v[0] != "value-of-appConfigEndpoint" || v[1] != "value-of-microserviceGoogleServiceAccount" {
				t.Errorf("read %v", v)
			}
			return nil
		})
		if !pulumi.IsSecret(platform.Kubeconfig) {
			t.Error("kubeconfig must stay secret in the consumer")
		}
		if pulumi.IsSecret(platform.GKEEndpoint) {
			t.Error("plain outputs must stay plain")
		}
		return program(ctx)
	}, pulumi.WithMocks("inference-team", "prod", mock), func(info *pulumi.RunInfo) {
		info.Config = map[string]string{"inference-team:platformStack": "acme/mlplatform/prod"}
	})
	if err != nil {
		t.Fatal(err)
	}
	if mock.readName != "acme/mlplatform/prod" {
		t.Errorf("stack reference read %q", mock.readName)
	}
}
