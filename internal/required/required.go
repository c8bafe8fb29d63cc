// Package required is the one way a component checks its arguments. Configuration values are
// validated once, in settings, before anything is registered; a component only checks that
// the arguments it cannot work without were handed to it, and names every one that was not.
package required

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
)

// Args returns an error naming component and every missing argument, or nil. An argument is
// missing when it is nil, a nil pointer, slice or map, an empty string, a zero time, or an
// output read from a component that was never constructed (its OutputState is nil), which
// would otherwise fail deep inside the SDK with no hint of which argument it was.
func Args(component string, args map[string]any) error {
	var names []string
	for name, v := range args {
		if isMissing(v) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	return fmt.Errorf("%s: missing required arguments: %s", component, strings.Join(names, ", "))
}

func isMissing(v any) bool {
	if v == nil {
		return true
	}
	if t, ok := v.(time.Time); ok {
		return t.IsZero()
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Func:
		return rv.IsNil()
	case reflect.String:
		return rv.Len() == 0
	case reflect.Struct:
		f := rv.FieldByName("OutputState")
		return f.IsValid() && f.Kind() == reflect.Pointer && f.IsNil()
	}
	return false
}
