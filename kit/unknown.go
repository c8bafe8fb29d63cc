package kit

import (
	"sort"
	"sync"
	"sync/atomic"
)

// During a preview some inputs are unknown until apply (the ids and addresses of resources not
// created yet), and a check cannot judge them: the combinators pass an unknown value rather
// than fail on it. Unknowns says which values a check read that way, so the policy pack can
// report "not judged during preview" instead of a silent pass.
var unknowns struct {
	sync.Mutex // held while a check is traced: one traced check at a time
	on         atomic.Bool
	paths      []string
}

// traced records a path Get found unknown, while a check is being traced.
func traced(path string) {
	if unknowns.on.Load() {
		unknowns.paths = append(unknowns.paths, path)
	}
}

// Unknowns runs check on r and also returns the paths it read through Get that are unknown
// (sorted, without repeats). Traced checks run one at a time.
func Unknowns(check Check, r Resource) (messages, paths []string) {
	unknowns.Lock()
	defer unknowns.Unlock()
	unknowns.paths = nil
	unknowns.on.Store(true)
	messages = check(r)
	unknowns.on.Store(false)
	paths = append(paths, unknowns.paths...)
	sort.Strings(paths)
	out := paths[:0]
	for i, p := range paths {
		if i == 0 || p != paths[i-1] {
			out = append(out, p)
		}
	}
	return messages, out
}
