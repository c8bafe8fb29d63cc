package main

import (
	"fmt"
	"testing"
)

// What kube-score asked for and the program implements (scripts/kube-score.sh): every container
// the program declares requests and limits its local ephemeral storage, each Deployment prefers
// its replicas on different nodes, and only the ingress gateway (image "auto", replaced by the
// mesh) waives kube-score's image-tag check.
func TestWorkloadsFollowKubeScore(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	pods := 0
	for _, token := range []string{"kubernetes:apps/v1:Deployment", "kubernetes:batch/v1:Job"} {
		for _, r := range m.ByType(token) {
			pods++
			spec := func(path ...interface{}) interface{} {
				return propAt(r.Inputs, append([]interface{}{"spec", "template", "spec"}, path...)...)
			}
			containers, _ := spec("containers").([]interface{})
			for i := range containers {
				req, lim := spec("containers", i, "resources", "requests", "ephemeral-storage"), spec("containers", i, "resources", "limits", "ephemeral-storage")
				if req != "64Mi" || lim != "256Mi" {
					t.Errorf("%s container %d: ephemeral-storage request %v limit %v, want 64Mi and 256Mi", r.Name, i, req, lim)
				}
			}
			ignore := propAt(r.Inputs, "metadata", "annotations", "kube-score/ignore")
			if want := map[bool]interface{}{true: "container-image-tag", false: nil}[r.Name == "entry-gateway-deployment"]; ignore != want {
				t.Errorf("%s kube-score/ignore = %v, want %v", r.Name, ignore, want)
			}
			if token != "kubernetes:apps/v1:Deployment" {
				continue
			}
			term := spec("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution", 0)
			sel := propAt(r.Inputs, "spec", "selector", "matchLabels")
			if got := fmt.Sprint(spec("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution", 0,
				"podAffinityTerm", "labelSelector", "matchLabels")); term == nil || got != fmt.Sprint(sel) {
				t.Errorf("%s anti-affinity selects %s, want its own pods %v", r.Name, got, sel)
			}
			if got := spec("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution", 0, "podAffinityTerm", "topologyKey"); got != "kubernetes.io/hostname" {
				t.Errorf("%s anti-affinity topologyKey = %v, want kubernetes.io/hostname", r.Name, got)
			}
		}
	}
	if pods != 3 {
		t.Errorf("%d Deployments and Jobs, want 3 (microservice, ingress gateway, mesh-ready)", pods)
	}
}
