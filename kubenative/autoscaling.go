package kubenative

import (
	"reflect"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// HorizontalPodAutoscaler is an autoscaling/v2 HorizontalPodAutoscaler.
type HorizontalPodAutoscaler struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// HorizontalPodAutoscalerArgs are the inputs of NewHorizontalPodAutoscaler (Spec required).
type HorizontalPodAutoscalerArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Spec       *HorizontalPodAutoscalerSpecArgs
}

type horizontalPodAutoscalerArgs struct {
	ApiVersion *string                     `pulumi:"apiVersion"`
	Kind       *string                     `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta          `pulumi:"metadata"`
	Spec       horizontalPodAutoscalerSpec `pulumi:"spec"`
}

func (HorizontalPodAutoscalerArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*horizontalPodAutoscalerArgs)(nil)).Elem()
}

// HorizontalPodAutoscalerSpecArgs is the bound part of an autoscaler's spec.
type HorizontalPodAutoscalerSpecArgs struct {
	MaxReplicas    pulumi.IntInput
	Metrics        MetricSpecArray
	MinReplicas    pulumi.IntPtrInput
	ScaleTargetRef *CrossVersionObjectReferenceArgs
}

type horizontalPodAutoscalerSpec struct {
	MaxReplicas    int                         `pulumi:"maxReplicas"`
	Metrics        []metricSpec                `pulumi:"metrics"`
	MinReplicas    *int                        `pulumi:"minReplicas"`
	ScaleTargetRef crossVersionObjectReference `pulumi:"scaleTargetRef"`
}

func (HorizontalPodAutoscalerSpecArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*horizontalPodAutoscalerSpec)(nil)).Elem()
}

// CrossVersionObjectReferenceArgs names the scaled workload.
type CrossVersionObjectReferenceArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringInput
	Name       pulumi.StringInput
}

type crossVersionObjectReference struct {
	ApiVersion *string `pulumi:"apiVersion"`
	Kind       string  `pulumi:"kind"`
	Name       string  `pulumi:"name"`
}

func (CrossVersionObjectReferenceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*crossVersionObjectReference)(nil)).Elem()
}

// MetricSpecArray is an autoscaler's metrics.
type MetricSpecArray []*MetricSpecArgs

// MetricSpecArgs is one metric (resource metrics only).
type MetricSpecArgs struct {
	Resource *ResourceMetricSourceArgs
	Type     pulumi.StringInput
}

type metricSpec struct {
	Resource *resourceMetricSource `pulumi:"resource"`
	Type     string                `pulumi:"type"`
}

func (MetricSpecArgs) ElementType() reflect.Type { return reflect.TypeOf((*metricSpec)(nil)).Elem() }

// ResourceMetricSourceArgs is a per-pod resource metric and its target.
type ResourceMetricSourceArgs struct {
	Name   pulumi.StringInput
	Target *MetricTargetArgs
}

type resourceMetricSource struct {
	Name   string       `pulumi:"name"`
	Target metricTarget `pulumi:"target"`
}

func (ResourceMetricSourceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*resourceMetricSource)(nil)).Elem()
}

// MetricTargetArgs is a metric's target value.
type MetricTargetArgs struct {
	AverageUtilization pulumi.IntPtrInput
	Type               pulumi.StringInput
}

type metricTarget struct {
	AverageUtilization *int   `pulumi:"averageUtilization"`
	Type               string `pulumi:"type"`
}

func (MetricTargetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*metricTarget)(nil)).Elem()
}

// NewHorizontalPodAutoscaler registers an autoscaler with the official aliases; nil args or
// a nil Spec are the generated constructor's errors.
func NewHorizontalPodAutoscaler(ctx *pulumi.Context, name string, args *HorizontalPodAutoscalerArgs, opts ...pulumi.ResourceOption) (*HorizontalPodAutoscaler, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("Spec", args == nil || args.Spec == nil)); err != nil {
		return nil, err
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("autoscaling/v2"), pulumi.StringPtr("HorizontalPodAutoscaler")
	var resource HorizontalPodAutoscaler
	if err := register(ctx, HorizontalPodAutoscalerToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
