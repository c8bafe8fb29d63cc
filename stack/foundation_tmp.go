package stack

import (
	"github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/settings"
)

// Temporary until azure.NewFoundation lands.
type foundationOutputs struct {
	resourceGroupName       pulumi.StringInput
	logAnalyticsWorkspaceID pulumi.StringInput
}

func newFoundation(ctx *pulumi.Context, s *settings.Settings, tags map[string]string) (*foundationOutputs, error) {
	rg, err := resources.NewResourceGroup(ctx, "platform", &resources.ResourceGroupArgs{
		ResourceGroupName: pulumi.String(s.Names.ResourceGroup()), Location: pulumi.String(s.Azure.Location), Tags: pulumi.ToStringMap(tags),
	})
	if err != nil {
		return nil, err
	}
	return &foundationOutputs{resourceGroupName: rg.Name}, nil
}
