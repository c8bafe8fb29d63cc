package stacktest

// Verdict is what the Pulumi CLI resolves for one stack file of the config corpus
// (stackconfig/testdata/corpus/cli.json): whether it runs the program, and the values and
// secret flags the program receives. `make e2e` records it from the CLI; `make test` holds the
// offline resolution to it.
type Verdict struct {
	Accept bool              `json:"accept"`
	Error  string            `json:"error,omitempty"`
	Values map[string]string `json:"values,omitempty"`
	Secret []string          `json:"secret,omitempty"`
}
