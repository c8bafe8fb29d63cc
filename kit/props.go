package kit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Prop is one input value with secret and output wrappers removed. Rules read inputs only
// through it, so a missing, unknown or wrongly typed value can never make a rule panic.
type Prop struct {
	V resource.PropertyValue
	// secret is true when any wrapper on the way to the value was a secret.
	Secret bool
}

// MaxDepth bounds recursion through nested inputs; real inputs are a few levels deep.
const MaxDepth = 64

// Unwrap strips secret and known-output wrappers. An unknown output (or a computed value)
// becomes a computed marker: rules cannot judge it and stay silent.
func Unwrap(v resource.PropertyValue) Prop {
	p := Prop{V: v}
	for i := 0; i < MaxDepth; i++ {
		switch {
		case p.V.IsSecret():
			p.Secret = true
			s := p.V.SecretValue()
			if s == nil {
				p.V = resource.NewNullProperty()
				return p
			}
			p.V = s.Element
		case p.V.IsOutput():
			o := p.V.OutputValue()
			p.Secret = p.Secret || o.Secret
			if !o.Known {
				p.V = resource.MakeComputed(resource.NewStringProperty(""))
				return p
			}
			p.V = o.Element
		default:
			return p
		}
	}
	return p
}

// Get follows a dotted path through objects. A path that runs into a non-object is absent;
// one that runs into an unknown value is unknown.
func Get(m resource.PropertyMap, path string) Prop {
	cur := Prop{V: resource.NewObjectProperty(m)}
	for _, key := range strings.Split(path, ".") {
		if cur.Unknown() {
			traced(path)
			return cur
		}
		obj := cur.Object()
		if obj == nil {
			return Prop{V: resource.NewNullProperty()}
		}
		next := Unwrap(obj[resource.PropertyKey(key)])
		next.Secret = next.Secret || cur.Secret
		cur = next
	}
	if cur.Unknown() {
		traced(path)
	}
	return cur
}

func (p Prop) Absent() bool  { return p.V.IsNull() }
func (p Prop) Unknown() bool { return p.V.IsComputed() }

// Text renders a scalar as a string ("" for anything else), so a rule comparing strings
// also handles a bool or number that arrived where a string was expected.
func (p Prop) Text() string {
	switch {
	case p.V.IsString():
		return p.V.StringValue()
	case p.V.IsBool():
		return strconv.FormatBool(p.V.BoolValue())
	case p.V.IsNumber():
		return strconv.FormatFloat(p.V.NumberValue(), 'f', -1, 64)
	}
	return ""
}

// Boolean reports the value as a bool; strings "true"/"false" count (config often is text).
func (p Prop) Boolean() (value, ok bool) {
	switch {
	case p.V.IsBool():
		return p.V.BoolValue(), true
	case p.V.IsString():
		b, err := strconv.ParseBool(strings.TrimSpace(p.V.StringValue()))
		return b, err == nil
	}
	return false, false
}

func (p Prop) Number() (float64, bool) {
	switch {
	case p.V.IsNumber():
		return p.V.NumberValue(), true
	case p.V.IsString():
		f, err := strconv.ParseFloat(strings.TrimSpace(p.V.StringValue()), 64)
		return f, err == nil
	}
	return 0, false
}

func (p Prop) Object() resource.PropertyMap {
	if p.V.IsObject() {
		return p.V.ObjectValue()
	}
	return nil
}

func (p Prop) Array() []resource.PropertyValue {
	if p.V.IsArray() {
		return p.V.ArrayValue()
	}
	return nil
}

// Strings returns the known string elements of an array (a lone string counts as one).
func (p Prop) Strings() []string {
	if p.V.IsString() {
		return []string{p.V.StringValue()}
	}
	var out []string
	for _, e := range p.Array() {
		if s := Unwrap(e); s.V.IsString() {
			out = append(out, s.V.StringValue())
		}
	}
	return out
}

// Show renders the value for a finding message; secrets are never printed.
func (p Prop) Show() string {
	switch {
	case p.Secret:
		return "[secret]"
	case p.V.IsString():
		return strconv.Quote(p.V.StringValue())
	case p.V.IsBool(), p.V.IsNumber():
		return p.Text()
	case p.V.IsObject():
		return "an object"
	case p.V.IsArray():
		return "a list"
	}
	return "an unsupported value"
}

// Leaf is one scalar somewhere in a resource's inputs.
type Leaf struct {
	Path   string // dotted, with [i] for list elements
	Key    string // the innermost object key above the value
	V      resource.PropertyValue
	Secret bool
}

// Leaves visits every scalar of m in a stable order (object keys sorted).
func Leaves(m resource.PropertyMap, visit func(Leaf)) {
	var walk func(v resource.PropertyValue, path, key string, secret bool, depth int)
	walk = func(raw resource.PropertyValue, path, key string, secret bool, depth int) {
		if depth > MaxDepth {
			return
		}
		p := Unwrap(raw)
		secret = secret || p.Secret
		switch {
		case p.V.IsObject():
			obj := p.V.ObjectValue()
			for _, k := range obj.StableKeys() {
				walk(obj[k], JoinPath(path, string(k)), string(k), secret, depth+1)
			}
		case p.V.IsArray():
			for i, e := range p.V.ArrayValue() {
				walk(e, fmt.Sprintf("%s[%d]", path, i), key, secret, depth+1)
			}
		case p.V.IsString(), p.V.IsBool(), p.V.IsNumber():
			visit(Leaf{Path: path, Key: key, V: p.V, Secret: secret})
		}
	}
	walk(resource.NewObjectProperty(m), "", "", false, 0)
}

func JoinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Field reads one key of an object value (absent for anything else).
func (p Prop) Field(key string) Prop {
	obj := p.Object()
	if obj == nil {
		return Prop{V: resource.NewNullProperty()}
	}
	return Unwrap(obj[resource.PropertyKey(key)])
}

// StringsAt is the string list at key of an object value.
func (p Prop) StringsAt(key string) []string { return p.Field(key).Strings() }

// StringsAtEach joins the string lists at key of each object of an array value.
func (p Prop) StringsAtEach(key string) []string {
	var out []string
	for _, e := range p.Array() {
		out = append(out, Unwrap(e).StringsAt(key)...)
	}
	return out
}
