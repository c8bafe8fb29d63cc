package kit

// AutoName mirrors Pulumi auto-naming as the mocks model it: the input at key when set,
// otherwise the logical name plus a stable 7-character suffix.
func AutoName(req MockRequest, key string) string {
	if v := Str(req.In, key); v != "" {
		return v
	}
	return req.Name + Hash("autoname", req.Name)[:7]
}

// GCPProject is the project a Google resource lands in: its project input, otherwise the
// provider's gcp:project default (as the real provider resolves it).
func GCPProject(req MockRequest) string {
	if p := Str(req.In, "project"); p != "" {
		return p
	}
	return req.Config["gcp:project"]
}
