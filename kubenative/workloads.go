package kubenative

import (
	"reflect"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Deployment is an apps/v1 Deployment.
type Deployment struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// DeploymentArgs are the inputs of NewDeployment (none required).
type DeploymentArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Spec       *DeploymentSpecArgs
}

type deploymentArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	Spec       *deploymentSpec    `pulumi:"spec"`
}

func (DeploymentArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentArgs)(nil)).Elem()
}

// DeploymentSpecArgs is the bound part of a Deployment's spec.
type DeploymentSpecArgs struct {
	Selector metav1.LabelSelectorInput
	Strategy *DeploymentStrategyArgs
	Template *PodTemplateSpecArgs
}

type deploymentSpec struct {
	Selector metav1.LabelSelector `pulumi:"selector"`
	Strategy *deploymentStrategy  `pulumi:"strategy"`
	Template podTemplateSpec      `pulumi:"template"`
}

func (DeploymentSpecArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentSpec)(nil)).Elem()
}

// DeploymentStrategyArgs is a Deployment's update strategy.
type DeploymentStrategyArgs struct {
	RollingUpdate *RollingUpdateDeploymentArgs
	Type          pulumi.StringPtrInput
}

type deploymentStrategy struct {
	RollingUpdate *rollingUpdateDeployment `pulumi:"rollingUpdate"`
	Type          *string                  `pulumi:"type"`
}

func (DeploymentStrategyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentStrategy)(nil)).Elem()
}

// RollingUpdateDeploymentArgs bounds a rolling update (each a count or a percentage).
type RollingUpdateDeploymentArgs struct {
	MaxSurge       pulumi.Input
	MaxUnavailable pulumi.Input
}

type rollingUpdateDeployment struct {
	MaxSurge       interface{} `pulumi:"maxSurge"`
	MaxUnavailable interface{} `pulumi:"maxUnavailable"`
}

func (RollingUpdateDeploymentArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*rollingUpdateDeployment)(nil)).Elem()
}

// NewDeployment registers a Deployment with the official aliases; nil args are accepted.
func NewDeployment(ctx *pulumi.Context, name string, args *DeploymentArgs, opts ...pulumi.ResourceOption) (*Deployment, error) {
	if args == nil {
		args = &DeploymentArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("apps/v1"), pulumi.StringPtr("Deployment")
	var resource Deployment
	if err := register(ctx, DeploymentToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Job is a batch/v1 Job.
type Job struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// JobArgs are the inputs of NewJob (none required).
type JobArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Spec       *JobSpecArgs
}

type jobArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	Spec       *jobSpec           `pulumi:"spec"`
}

func (JobArgs) ElementType() reflect.Type { return reflect.TypeOf((*jobArgs)(nil)).Elem() }

// JobSpecArgs is the bound part of a Job's spec.
type JobSpecArgs struct {
	ActiveDeadlineSeconds pulumi.IntPtrInput
	BackoffLimit          pulumi.IntPtrInput
	Template              *PodTemplateSpecArgs
}

type jobSpec struct {
	ActiveDeadlineSeconds *int            `pulumi:"activeDeadlineSeconds"`
	BackoffLimit          *int            `pulumi:"backoffLimit"`
	Template              podTemplateSpec `pulumi:"template"`
}

func (JobSpecArgs) ElementType() reflect.Type { return reflect.TypeOf((*jobSpec)(nil)).Elem() }

// NewJob registers a Job; nil args are accepted.
func NewJob(ctx *pulumi.Context, name string, args *JobArgs, opts ...pulumi.ResourceOption) (*Job, error) {
	if args == nil {
		args = &JobArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("batch/v1"), pulumi.StringPtr("Job")
	var resource Job
	if err := register(ctx, JobToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// PodDisruptionBudget is a policy/v1 PodDisruptionBudget.
type PodDisruptionBudget struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// PodDisruptionBudgetArgs are the inputs of NewPodDisruptionBudget (none required).
type PodDisruptionBudgetArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Spec       *PodDisruptionBudgetSpecArgs
}

type podDisruptionBudgetArgs struct {
	ApiVersion *string                  `pulumi:"apiVersion"`
	Kind       *string                  `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta       `pulumi:"metadata"`
	Spec       *podDisruptionBudgetSpec `pulumi:"spec"`
}

func (PodDisruptionBudgetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*podDisruptionBudgetArgs)(nil)).Elem()
}

// PodDisruptionBudgetSpecArgs is the bound part of a budget (MaxUnavailable is an IntOrString).
type PodDisruptionBudgetSpecArgs struct {
	MaxUnavailable pulumi.Input
	Selector       metav1.LabelSelectorPtrInput
}

type podDisruptionBudgetSpec struct {
	MaxUnavailable interface{}           `pulumi:"maxUnavailable"`
	Selector       *metav1.LabelSelector `pulumi:"selector"`
}

func (PodDisruptionBudgetSpecArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*podDisruptionBudgetSpec)(nil)).Elem()
}

// NewPodDisruptionBudget registers a budget with the official alias; nil args are accepted.
func NewPodDisruptionBudget(ctx *pulumi.Context, name string, args *PodDisruptionBudgetArgs, opts ...pulumi.ResourceOption) (*PodDisruptionBudget, error) {
	if args == nil {
		args = &PodDisruptionBudgetArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("policy/v1"), pulumi.StringPtr("PodDisruptionBudget")
	var resource PodDisruptionBudget
	if err := register(ctx, PodDisruptionBudgetToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
