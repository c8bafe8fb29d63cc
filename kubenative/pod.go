package kubenative

import (
	"reflect"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The core/v1 pod types the Deployments and the Job use. Each Args type marshals through its
// plain twin (ElementType), whose pulumi tags are the official wire names; arrays are slices
// of pointers, as the call sites build them.

// PodTemplateSpecArgs is a pod template.
type PodTemplateSpecArgs struct {
	Metadata metav1.ObjectMetaPtrInput
	Spec     *PodSpecArgs
}

type podTemplateSpec struct {
	Metadata *metav1.ObjectMeta `pulumi:"metadata"`
	Spec     *podSpec           `pulumi:"spec"`
}

func (PodTemplateSpecArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*podTemplateSpec)(nil)).Elem()
}

// PodSpecArgs is the bound part of a pod spec.
type PodSpecArgs struct {
	Affinity                     *AffinityArgs
	AutomountServiceAccountToken pulumi.BoolPtrInput
	Containers                   ContainerArray
	NodeSelector                 pulumi.StringMapInput
	RestartPolicy                pulumi.StringPtrInput
	SecurityContext              *PodSecurityContextArgs
	ServiceAccountName           pulumi.StringPtrInput
	Volumes                      VolumeArray
}

type podSpec struct {
	Affinity                     *affinity           `pulumi:"affinity"`
	AutomountServiceAccountToken *bool               `pulumi:"automountServiceAccountToken"`
	Containers                   []container         `pulumi:"containers"`
	NodeSelector                 map[string]string   `pulumi:"nodeSelector"`
	RestartPolicy                *string             `pulumi:"restartPolicy"`
	SecurityContext              *podSecurityContext `pulumi:"securityContext"`
	ServiceAccountName           *string             `pulumi:"serviceAccountName"`
	Volumes                      []volume            `pulumi:"volumes"`
}

func (PodSpecArgs) ElementType() reflect.Type { return reflect.TypeOf((*podSpec)(nil)).Elem() }

// AffinityArgs is a pod's scheduling affinity (anti-affinity only).
type AffinityArgs struct {
	PodAntiAffinity *PodAntiAffinityArgs
}

type affinity struct {
	PodAntiAffinity *podAntiAffinity `pulumi:"podAntiAffinity"`
}

func (AffinityArgs) ElementType() reflect.Type { return reflect.TypeOf((*affinity)(nil)).Elem() }

// PodAntiAffinityArgs holds the preferred anti-affinity terms.
type PodAntiAffinityArgs struct {
	PreferredDuringSchedulingIgnoredDuringExecution WeightedPodAffinityTermArray
}

type podAntiAffinity struct {
	PreferredDuringSchedulingIgnoredDuringExecution []weightedPodAffinityTerm `pulumi:"preferredDuringSchedulingIgnoredDuringExecution"`
}

func (PodAntiAffinityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*podAntiAffinity)(nil)).Elem()
}

// WeightedPodAffinityTermArray is a list of weighted terms.
type WeightedPodAffinityTermArray []*WeightedPodAffinityTermArgs

// WeightedPodAffinityTermArgs is one weighted term.
type WeightedPodAffinityTermArgs struct {
	PodAffinityTerm *PodAffinityTermArgs
	Weight          pulumi.IntInput
}

type weightedPodAffinityTerm struct {
	PodAffinityTerm podAffinityTerm `pulumi:"podAffinityTerm"`
	Weight          int             `pulumi:"weight"`
}

func (WeightedPodAffinityTermArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*weightedPodAffinityTerm)(nil)).Elem()
}

// PodAffinityTermArgs selects the pods a term is about, per topology domain.
type PodAffinityTermArgs struct {
	LabelSelector metav1.LabelSelectorPtrInput
	TopologyKey   pulumi.StringInput
}

type podAffinityTerm struct {
	LabelSelector *metav1.LabelSelector `pulumi:"labelSelector"`
	TopologyKey   string                `pulumi:"topologyKey"`
}

func (PodAffinityTermArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*podAffinityTerm)(nil)).Elem()
}

// PodSecurityContextArgs is the bound part of a pod's security context.
type PodSecurityContextArgs struct {
	RunAsGroup     pulumi.IntPtrInput
	RunAsNonRoot   pulumi.BoolPtrInput
	RunAsUser      pulumi.IntPtrInput
	SeccompProfile *SeccompProfileArgs
}

type podSecurityContext struct {
	RunAsGroup     *int            `pulumi:"runAsGroup"`
	RunAsNonRoot   *bool           `pulumi:"runAsNonRoot"`
	RunAsUser      *int            `pulumi:"runAsUser"`
	SeccompProfile *seccompProfile `pulumi:"seccompProfile"`
}

func (PodSecurityContextArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*podSecurityContext)(nil)).Elem()
}

// SeccompProfileArgs names a seccomp profile type.
type SeccompProfileArgs struct {
	Type pulumi.StringInput
}

type seccompProfile struct {
	Type string `pulumi:"type"`
}

func (SeccompProfileArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*seccompProfile)(nil)).Elem()
}

// VolumeArray is a pod's volumes.
type VolumeArray []*VolumeArgs

// VolumeArgs is one volume: an emptyDir or a projected volume.
type VolumeArgs struct {
	EmptyDir  *EmptyDirVolumeSourceArgs
	Name      pulumi.StringInput
	Projected *ProjectedVolumeSourceArgs
}

type volume struct {
	EmptyDir  *emptyDirVolumeSource  `pulumi:"emptyDir"`
	Name      string                 `pulumi:"name"`
	Projected *projectedVolumeSource `pulumi:"projected"`
}

func (VolumeArgs) ElementType() reflect.Type { return reflect.TypeOf((*volume)(nil)).Elem() }

// EmptyDirVolumeSourceArgs is an emptyDir volume.
type EmptyDirVolumeSourceArgs struct {
	SizeLimit pulumi.StringPtrInput
}

type emptyDirVolumeSource struct {
	SizeLimit *string `pulumi:"sizeLimit"`
}

func (EmptyDirVolumeSourceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*emptyDirVolumeSource)(nil)).Elem()
}

// ProjectedVolumeSourceArgs is a projected volume.
type ProjectedVolumeSourceArgs struct {
	Sources VolumeProjectionArray
}

type projectedVolumeSource struct {
	Sources []volumeProjection `pulumi:"sources"`
}

func (ProjectedVolumeSourceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*projectedVolumeSource)(nil)).Elem()
}

// VolumeProjectionArray is a projected volume's sources.
type VolumeProjectionArray []*VolumeProjectionArgs

// VolumeProjectionArgs is one source: a service account token.
type VolumeProjectionArgs struct {
	ServiceAccountToken *ServiceAccountTokenProjectionArgs
}

type volumeProjection struct {
	ServiceAccountToken *serviceAccountTokenProjection `pulumi:"serviceAccountToken"`
}

func (VolumeProjectionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*volumeProjection)(nil)).Elem()
}

// ServiceAccountTokenProjectionArgs is a projected service account token.
type ServiceAccountTokenProjectionArgs struct {
	Audience          pulumi.StringPtrInput
	ExpirationSeconds pulumi.IntPtrInput
	Path              pulumi.StringInput
}

type serviceAccountTokenProjection struct {
	Audience          *string `pulumi:"audience"`
	ExpirationSeconds *int    `pulumi:"expirationSeconds"`
	Path              string  `pulumi:"path"`
}

func (ServiceAccountTokenProjectionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*serviceAccountTokenProjection)(nil)).Elem()
}
