package policy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// prop is one input value with secret and output wrappers removed. Rules read inputs only
// through it, so a missing, unknown or wrongly typed value can never make a rule panic.
type prop struct {
	v resource.PropertyValue
	// secret is true when any wrapper on the way to the value was a secret.
	secret bool
}

// maxDepth bounds recursion through nested inputs; real inputs are a few levels deep.
const maxDepth = 64

// unwrap strips secret and known-output wrappers. An unknown output (or a computed value)
// becomes a computed marker: rules cannot judge it and stay silent.
func unwrap(v resource.PropertyValue) prop {
	p := prop{v: v}
	for i := 0; i < maxDepth; i++ {
		switch {
		case p.v.IsSecret():
			p.secret = true
			s := p.v.SecretValue()
			if s == nil {
				p.v = resource.NewNullProperty()
				return p
			}
			p.v = s.Element
		case p.v.IsOutput():
			o := p.v.OutputValue()
			p.secret = p.secret || o.Secret
			if !o.Known {
				p.v = resource.MakeComputed(resource.NewStringProperty(""))
				return p
			}
			p.v = o.Element
		default:
			return p
		}
	}
	return p
}

// get follows a dotted path through objects. A path that runs into a non-object is absent;
// one that runs into an unknown value is unknown.
func get(m resource.PropertyMap, path string) prop {
	cur := prop{v: resource.NewObjectProperty(m)}
	for _, key := range strings.Split(path, ".") {
		if cur.unknown() {
			return cur
		}
		obj := cur.object()
		if obj == nil {
			return prop{v: resource.NewNullProperty()}
		}
		next := unwrap(obj[resource.PropertyKey(key)])
		next.secret = next.secret || cur.secret
		cur = next
	}
	return cur
}

func (p prop) absent() bool  { return p.v.IsNull() }
func (p prop) unknown() bool { return p.v.IsComputed() }

// text renders a scalar as a string ("" for anything else), so a rule comparing strings
// also handles a bool or number that arrived where a string was expected.
func (p prop) text() string {
	switch {
	case p.v.IsString():
		return p.v.StringValue()
	case p.v.IsBool():
		return strconv.FormatBool(p.v.BoolValue())
	case p.v.IsNumber():
		return strconv.FormatFloat(p.v.NumberValue(), 'f', -1, 64)
	}
	return ""
}

// boolean reports the value as a bool; strings "true"/"false" count (config often is text).
func (p prop) boolean() (value, ok bool) {
	switch {
	case p.v.IsBool():
		return p.v.BoolValue(), true
	case p.v.IsString():
		b, err := strconv.ParseBool(strings.TrimSpace(p.v.StringValue()))
		return b, err == nil
	}
	return false, false
}

func (p prop) number() (float64, bool) {
	switch {
	case p.v.IsNumber():
		return p.v.NumberValue(), true
	case p.v.IsString():
		f, err := strconv.ParseFloat(strings.TrimSpace(p.v.StringValue()), 64)
		return f, err == nil
	}
	return 0, false
}

func (p prop) object() resource.PropertyMap {
	if p.v.IsObject() {
		return p.v.ObjectValue()
	}
	return nil
}

func (p prop) array() []resource.PropertyValue {
	if p.v.IsArray() {
		return p.v.ArrayValue()
	}
	return nil
}

// strings returns the known string elements of an array (a lone string counts as one).
func (p prop) strings() []string {
	if p.v.IsString() {
		return []string{p.v.StringValue()}
	}
	var out []string
	for _, e := range p.array() {
		if s := unwrap(e); s.v.IsString() {
			out = append(out, s.v.StringValue())
		}
	}
	return out
}

// show renders the value for a finding message; secrets are never printed.
func (p prop) show() string {
	switch {
	case p.secret:
		return "[secret]"
	case p.v.IsString():
		return strconv.Quote(p.v.StringValue())
	case p.v.IsBool(), p.v.IsNumber():
		return p.text()
	case p.v.IsObject():
		return "an object"
	case p.v.IsArray():
		return "a list"
	}
	return "an unsupported value"
}

// leaf is one scalar somewhere in a resource's inputs.
type leaf struct {
	path   string // dotted, with [i] for list elements
	key    string // the innermost object key above the value
	v      resource.PropertyValue
	secret bool
}

// leaves visits every scalar of m in a stable order (object keys sorted).
func leaves(m resource.PropertyMap, visit func(leaf)) {
	var walk func(v resource.PropertyValue, path, key string, secret bool, depth int)
	walk = func(raw resource.PropertyValue, path, key string, secret bool, depth int) {
		if depth > maxDepth {
			return
		}
		p := unwrap(raw)
		secret = secret || p.secret
		switch {
		case p.v.IsObject():
			obj := p.v.ObjectValue()
			for _, k := range obj.StableKeys() {
				walk(obj[k], join(path, string(k)), string(k), secret, depth+1)
			}
		case p.v.IsArray():
			for i, e := range p.v.ArrayValue() {
				walk(e, fmt.Sprintf("%s[%d]", path, i), key, secret, depth+1)
			}
		case p.v.IsString(), p.v.IsBool(), p.v.IsNumber():
			visit(leaf{path: path, key: key, v: p.v, secret: secret})
		}
	}
	walk(resource.NewObjectProperty(m), "", "", false, 0)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
