package compute

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// GlobalAddress is a global static IP address (the entry's load balancer address).
type GlobalAddress struct {
	pulumi.CustomResourceState

	Address pulumi.StringOutput `pulumi:"address"`
	Name    pulumi.StringOutput `pulumi:"name"`
}

// GlobalAddressArgs are the inputs of NewGlobalAddress (none required).
type GlobalAddressArgs struct {
	AddressType pulumi.StringPtrInput
	Description pulumi.StringPtrInput
	IpVersion   pulumi.StringPtrInput
	Labels      pulumi.StringMapInput
	Name        pulumi.StringPtrInput
	Project     pulumi.StringPtrInput
}

type globalAddressArgs struct {
	AddressType *string           `pulumi:"addressType"`
	Description *string           `pulumi:"description"`
	IpVersion   *string           `pulumi:"ipVersion"`
	Labels      map[string]string `pulumi:"labels"`
	Name        *string           `pulumi:"name"`
	Project     *string           `pulumi:"project"`
}

func (GlobalAddressArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*globalAddressArgs)(nil)).Elem()
}

// NewGlobalAddress registers a global address; nil args are allowed, as in the generated
// constructor.
func NewGlobalAddress(ctx *pulumi.Context, name string, args *GlobalAddressArgs, opts ...pulumi.ResourceOption) (*GlobalAddress, error) {
	if args == nil {
		args = &GlobalAddressArgs{}
	}
	var resource GlobalAddress
	if err := register(ctx, GlobalAddressToken, name, args, &resource, labelSecrets, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// SSLPolicy is a load balancer's TLS policy.
type SSLPolicy struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// SSLPolicyArgs are the inputs of NewSSLPolicy (none required).
type SSLPolicyArgs struct {
	Description   pulumi.StringPtrInput
	MinTlsVersion pulumi.StringPtrInput
	Name          pulumi.StringPtrInput
	Profile       pulumi.StringPtrInput
	Project       pulumi.StringPtrInput
}

type sslPolicyArgs struct {
	Description   *string `pulumi:"description"`
	MinTlsVersion *string `pulumi:"minTlsVersion"`
	Name          *string `pulumi:"name"`
	Profile       *string `pulumi:"profile"`
	Project       *string `pulumi:"project"`
}

func (SSLPolicyArgs) ElementType() reflect.Type { return reflect.TypeOf((*sslPolicyArgs)(nil)).Elem() }

// NewSSLPolicy registers an SSL policy; nil args are allowed, as in the generated constructor.
func NewSSLPolicy(ctx *pulumi.Context, name string, args *SSLPolicyArgs, opts ...pulumi.ResourceOption) (*SSLPolicy, error) {
	if args == nil {
		args = &SSLPolicyArgs{}
	}
	var resource SSLPolicy
	if err := register(ctx, SSLPolicyToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// SecurityPolicy is a Cloud Armor policy.
type SecurityPolicy struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// SecurityPolicyArgs are the inputs of NewSecurityPolicy (none required).
type SecurityPolicyArgs struct {
	AdvancedOptionsConfig *SecurityPolicyAdvancedOptionsConfigArgs
	Description           pulumi.StringPtrInput
	Name                  pulumi.StringPtrInput
	Project               pulumi.StringPtrInput
	Rules                 []SecurityPolicyRuleTypeArgs
	Type                  pulumi.StringPtrInput
}

type securityPolicyArgs struct {
	AdvancedOptionsConfig *securityPolicyAdvancedOptionsConfig `pulumi:"advancedOptionsConfig"`
	Description           *string                              `pulumi:"description"`
	Name                  *string                              `pulumi:"name"`
	Project               *string                              `pulumi:"project"`
	Rules                 []securityPolicyRuleType             `pulumi:"rules"`
	Type                  *string                              `pulumi:"type"`
}

func (SecurityPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyArgs)(nil)).Elem()
}

// SecurityPolicyAdvancedOptionsConfigArgs are the policy's request parsing options.
type SecurityPolicyAdvancedOptionsConfigArgs struct {
	JsonParsing pulumi.StringPtrInput
}

type securityPolicyAdvancedOptionsConfig struct {
	JsonParsing *string `pulumi:"jsonParsing"`
}

func (SecurityPolicyAdvancedOptionsConfigArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyAdvancedOptionsConfig)(nil)).Elem()
}

// SecurityPolicyRuleTypeArgs is one rule (Action, Match and Priority required by the API).
type SecurityPolicyRuleTypeArgs struct {
	Action           pulumi.StringInput
	Description      pulumi.StringPtrInput
	Match            *SecurityPolicyRuleMatchArgs
	Preview          pulumi.BoolPtrInput
	Priority         pulumi.IntInput
	RateLimitOptions *SecurityPolicyRuleRateLimitOptionsArgs
}

type securityPolicyRuleType struct {
	Action           string                              `pulumi:"action"`
	Description      *string                             `pulumi:"description"`
	Match            securityPolicyRuleMatch             `pulumi:"match"`
	Preview          *bool                               `pulumi:"preview"`
	Priority         int                                 `pulumi:"priority"`
	RateLimitOptions *securityPolicyRuleRateLimitOptions `pulumi:"rateLimitOptions"`
}

func (SecurityPolicyRuleTypeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyRuleType)(nil)).Elem()
}

// SecurityPolicyRuleMatchArgs is what a rule matches: a versioned expression with its
// config, or a CEL expression.
type SecurityPolicyRuleMatchArgs struct {
	Config        *SecurityPolicyRuleMatchConfigArgs
	Expr          *SecurityPolicyRuleMatchExprArgs
	VersionedExpr pulumi.StringPtrInput
}

type securityPolicyRuleMatch struct {
	Config        *securityPolicyRuleMatchConfig `pulumi:"config"`
	Expr          *securityPolicyRuleMatchExpr   `pulumi:"expr"`
	VersionedExpr *string                        `pulumi:"versionedExpr"`
}

func (SecurityPolicyRuleMatchArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyRuleMatch)(nil)).Elem()
}

// SecurityPolicyRuleMatchConfigArgs are the source ranges of SRC_IPS_V1.
type SecurityPolicyRuleMatchConfigArgs struct {
	SrcIpRanges pulumi.StringArrayInput
}

type securityPolicyRuleMatchConfig struct {
	SrcIpRanges []string `pulumi:"srcIpRanges"`
}

func (SecurityPolicyRuleMatchConfigArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyRuleMatchConfig)(nil)).Elem()
}

// SecurityPolicyRuleMatchExprArgs is a CEL match expression.
type SecurityPolicyRuleMatchExprArgs struct {
	Expression pulumi.StringInput
}

type securityPolicyRuleMatchExpr struct {
	Expression string `pulumi:"expression"`
}

func (SecurityPolicyRuleMatchExprArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyRuleMatchExpr)(nil)).Elem()
}

// SecurityPolicyRuleRateLimitOptionsArgs are a throttle or rate_based_ban rule's limits.
type SecurityPolicyRuleRateLimitOptionsArgs struct {
	BanDurationSec     pulumi.IntPtrInput
	ConformAction      pulumi.StringPtrInput
	EnforceOnKey       pulumi.StringPtrInput
	ExceedAction       pulumi.StringPtrInput
	RateLimitThreshold *SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs
}

type securityPolicyRuleRateLimitOptions struct {
	BanDurationSec     *int                                                  `pulumi:"banDurationSec"`
	ConformAction      *string                                               `pulumi:"conformAction"`
	EnforceOnKey       *string                                               `pulumi:"enforceOnKey"`
	ExceedAction       *string                                               `pulumi:"exceedAction"`
	RateLimitThreshold *securityPolicyRuleRateLimitOptionsRateLimitThreshold `pulumi:"rateLimitThreshold"`
}

func (SecurityPolicyRuleRateLimitOptionsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyRuleRateLimitOptions)(nil)).Elem()
}

// SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs is Count requests per IntervalSec.
type SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs struct {
	Count       pulumi.IntPtrInput
	IntervalSec pulumi.IntPtrInput
}

type securityPolicyRuleRateLimitOptionsRateLimitThreshold struct {
	Count       *int `pulumi:"count"`
	IntervalSec *int `pulumi:"intervalSec"`
}

func (SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityPolicyRuleRateLimitOptionsRateLimitThreshold)(nil)).Elem()
}

// NewSecurityPolicy registers a Cloud Armor policy; nil args are allowed, as in the generated
// constructor.
func NewSecurityPolicy(ctx *pulumi.Context, name string, args *SecurityPolicyArgs, opts ...pulumi.ResourceOption) (*SecurityPolicy, error) {
	if args == nil {
		args = &SecurityPolicyArgs{}
	}
	var resource SecurityPolicy
	if err := register(ctx, SecurityPolicyToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
