package kubenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ContainerArray is a pod's containers.
type ContainerArray []*ContainerArgs

// ContainerArgs is the bound part of a container.
type ContainerArgs struct {
	Command         pulumi.StringArrayInput
	Env             EnvVarArray
	Image           pulumi.StringPtrInput
	LivenessProbe   *ProbeArgs
	Name            pulumi.StringInput
	Ports           ContainerPortArray
	ReadinessProbe  *ProbeArgs
	Resources       *ResourceRequirementsArgs
	SecurityContext *SecurityContextArgs
	VolumeMounts    VolumeMountArray
}

type container struct {
	Command         []string              `pulumi:"command"`
	Env             []envVar              `pulumi:"env"`
	Image           *string               `pulumi:"image"`
	LivenessProbe   *probe                `pulumi:"livenessProbe"`
	Name            string                `pulumi:"name"`
	Ports           []containerPort       `pulumi:"ports"`
	ReadinessProbe  *probe                `pulumi:"readinessProbe"`
	Resources       *resourceRequirements `pulumi:"resources"`
	SecurityContext *securityContext      `pulumi:"securityContext"`
	VolumeMounts    []volumeMount         `pulumi:"volumeMounts"`
}

func (ContainerArgs) ElementType() reflect.Type { return reflect.TypeOf((*container)(nil)).Elem() }

// ContainerPortArray is a container's ports.
type ContainerPortArray []*ContainerPortArgs

// ContainerPortArgs is one named container port.
type ContainerPortArgs struct {
	ContainerPort pulumi.IntInput
	Name          pulumi.StringPtrInput
}

type containerPort struct {
	ContainerPort int     `pulumi:"containerPort"`
	Name          *string `pulumi:"name"`
}

func (ContainerPortArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*containerPort)(nil)).Elem()
}

// EnvVarArray is a container's environment.
type EnvVarArray []*EnvVarArgs

// EnvVarArgs is one environment variable with a literal value.
type EnvVarArgs struct {
	Name  pulumi.StringInput
	Value pulumi.StringPtrInput
}

type envVar struct {
	Name  string  `pulumi:"name"`
	Value *string `pulumi:"value"`
}

func (EnvVarArgs) ElementType() reflect.Type { return reflect.TypeOf((*envVar)(nil)).Elem() }

// ProbeArgs is an HTTP probe.
type ProbeArgs struct {
	FailureThreshold    pulumi.IntPtrInput
	HttpGet             *HTTPGetActionArgs
	InitialDelaySeconds pulumi.IntPtrInput
	PeriodSeconds       pulumi.IntPtrInput
}

type probe struct {
	FailureThreshold    *int           `pulumi:"failureThreshold"`
	HttpGet             *hTTPGetAction `pulumi:"httpGet"`
	InitialDelaySeconds *int           `pulumi:"initialDelaySeconds"`
	PeriodSeconds       *int           `pulumi:"periodSeconds"`
}

func (ProbeArgs) ElementType() reflect.Type { return reflect.TypeOf((*probe)(nil)).Elem() }

// HTTPGetActionArgs is a probe's GET request; Port is a number or a port name (IntOrString).
type HTTPGetActionArgs struct {
	Path pulumi.StringPtrInput
	Port pulumi.Input
}

type hTTPGetAction struct {
	Path *string     `pulumi:"path"`
	Port interface{} `pulumi:"port"`
}

func (HTTPGetActionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*hTTPGetAction)(nil)).Elem()
}

// ResourceRequirementsArgs are a container's requests and limits.
type ResourceRequirementsArgs struct {
	Limits   pulumi.StringMapInput
	Requests pulumi.StringMapInput
}

type resourceRequirements struct {
	Limits   map[string]string `pulumi:"limits"`
	Requests map[string]string `pulumi:"requests"`
}

func (ResourceRequirementsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*resourceRequirements)(nil)).Elem()
}

// SecurityContextArgs is the bound part of a container's security context.
type SecurityContextArgs struct {
	AllowPrivilegeEscalation pulumi.BoolPtrInput
	Capabilities             *CapabilitiesArgs
	Privileged               pulumi.BoolPtrInput
	ReadOnlyRootFilesystem   pulumi.BoolPtrInput
	RunAsGroup               pulumi.IntPtrInput
	RunAsNonRoot             pulumi.BoolPtrInput
	RunAsUser                pulumi.IntPtrInput
	SeccompProfile           *SeccompProfileArgs
}

type securityContext struct {
	AllowPrivilegeEscalation *bool           `pulumi:"allowPrivilegeEscalation"`
	Capabilities             *capabilities   `pulumi:"capabilities"`
	Privileged               *bool           `pulumi:"privileged"`
	ReadOnlyRootFilesystem   *bool           `pulumi:"readOnlyRootFilesystem"`
	RunAsGroup               *int            `pulumi:"runAsGroup"`
	RunAsNonRoot             *bool           `pulumi:"runAsNonRoot"`
	RunAsUser                *int            `pulumi:"runAsUser"`
	SeccompProfile           *seccompProfile `pulumi:"seccompProfile"`
}

func (SecurityContextArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityContext)(nil)).Elem()
}

// CapabilitiesArgs are the capabilities a container drops.
type CapabilitiesArgs struct {
	Drop pulumi.StringArrayInput
}

type capabilities struct {
	Drop []string `pulumi:"drop"`
}

func (CapabilitiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*capabilities)(nil)).Elem()
}

// VolumeMountArray is a container's volume mounts.
type VolumeMountArray []*VolumeMountArgs

// VolumeMountArgs mounts one volume.
type VolumeMountArgs struct {
	MountPath pulumi.StringInput
	Name      pulumi.StringInput
	ReadOnly  pulumi.BoolPtrInput
}

type volumeMount struct {
	MountPath string `pulumi:"mountPath"`
	Name      string `pulumi:"name"`
	ReadOnly  *bool  `pulumi:"readOnly"`
}

func (VolumeMountArgs) ElementType() reflect.Type { return reflect.TypeOf((*volumeMount)(nil)).Elem() }
