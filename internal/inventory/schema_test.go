package inventory_test

// A validator for the part of JSON Schema (draft 2020-12) that schema.json
// uses, so the test checks the output against the published schema itself
// rather than against a second description of it. A keyword it does not
// know fails the test: the schema cannot grow past what is checked.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/internal/inventory"
)

func validate(t *testing.T, doc []byte) {
	t.Helper()
	if err := validateErr(doc); err != nil {
		t.Errorf("output does not validate against schema.json: %v\n%s", err, doc)
	}
}

func validateErr(doc []byte) error {
	var schema, v any
	if err := json.Unmarshal(inventory.Schema, &schema); err != nil {
		return fmt.Errorf("schema.json: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	return check(schema.(map[string]any), schema, v, "$")
}

var annotations = []string{"$schema", "$id", "title", "description"}

func check(root, s any, v any, at string) error {
	sm, ok := s.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: schema is not an object", at)
	}
	for k, kv := range sm {
		if slices.Contains(annotations, k) || k == "$defs" {
			continue
		}
		var err error
		switch k {
		case "$ref":
			ref := kv.(string)
			target := root
			for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
				target = target.(map[string]any)[part]
			}
			err = check(root, target, v, at)
		case "type":
			err = checkType(kv.(string), v, at)
		case "const":
			if fmt.Sprint(kv) != fmt.Sprint(v) {
				err = fmt.Errorf("%s: %v, want %v", at, v, kv)
			}
		case "enum":
			if !slices.ContainsFunc(kv.([]any), func(e any) bool { return e == v }) {
				err = fmt.Errorf("%s: %v not in %v", at, v, kv)
			}
		case "minimum":
			if n, ok := v.(json.Number); ok {
				f, _ := n.Float64()
				if f < kv.(float64) {
					err = fmt.Errorf("%s: %v < %v", at, v, kv)
				}
			}
		case "minLength":
			if s, ok := v.(string); ok && len(s) < int(kv.(float64)) {
				err = fmt.Errorf("%s: %q shorter than %v", at, s, kv)
			}
		case "pattern":
			if s, ok := v.(string); ok && !regexp.MustCompile(kv.(string)).MatchString(s) {
				err = fmt.Errorf("%s: %q does not match %v", at, s, kv)
			}
		case "required":
			if obj, ok := v.(map[string]any); ok {
				for _, r := range kv.([]any) {
					if _, ok := obj[r.(string)]; !ok {
						err = fmt.Errorf("%s: lacks %s", at, r)
						break
					}
				}
			}
		case "properties", "additionalProperties", "propertyNames":
			obj, ok := v.(map[string]any)
			if !ok {
				break
			}
			props, _ := sm["properties"].(map[string]any)
			for name, val := range obj {
				switch {
				case k == "propertyNames":
					err = check(root, kv, name, at+"."+name+"(name)")
				case k == "properties" && props[name] != nil:
					err = check(root, props[name], val, at+"."+name)
				case k == "additionalProperties" && props[name] == nil:
					if kv == false {
						err = fmt.Errorf("%s: unexpected field %s", at, name)
					} else if sub, ok := kv.(map[string]any); ok {
						err = check(root, sub, val, at+"."+name)
					}
				}
				if err != nil {
					break
				}
			}
		case "items":
			if arr, ok := v.([]any); ok {
				for i, e := range arr {
					if err = check(root, kv, e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
						break
					}
				}
			}
		default:
			return fmt.Errorf("schema keyword %q at %s is not supported by the test's validator", k, at)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func checkType(typ string, v any, at string) error {
	ok := false
	switch typ {
	case "object":
		_, ok = v.(map[string]any)
	case "array":
		_, ok = v.([]any)
	case "string":
		_, ok = v.(string)
	case "boolean":
		_, ok = v.(bool)
	case "integer":
		n, isNum := v.(json.Number)
		_, err := n.Int64()
		ok = isNum && err == nil
	default:
		return fmt.Errorf("%s: type %q not supported by the test's validator", at, typ)
	}
	if !ok {
		return fmt.Errorf("%s: %v is not of type %s", at, v, typ)
	}
	return nil
}

func TestSchema(t *testing.T) {
	var b bytes.Buffer
	if err := inventory.New(sample(t), "/src/app").WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	validate(t, b.Bytes())

	// The validator can fail: documents off the schema are rejected.
	good := b.String()
	for _, c := range []struct{ old, new, want string }{
		{`"schema_version": 1`, `"schema_version": 2`, "want 1"},
		{`"sdk": "v1"`, `"sdk": "v3"`, "not in"},
		{`"line": 12`, `"line": 0`, "< 1"},
		{`"mode": "regional"`, `"mode": "maybe"`, "not in"},
		{`"tool": "stsregional",`, `"tool": "stsregional", "extra": 1,`, "unexpected field extra"},
		{`"check": "STS003"`, `"check": "sts3"`, "does not match"},
		{`"package": "example.com/app/a",`, ``, "lacks package"},
		{`"regional": `, `"nearly-regional": `, "not in"},
		{`"check": "STS001",` + "\n" + `          "file"`, `"check": "STS1",` + "\n" + `          "file"`, "does not match"},
		{`"line": 8,`, `"line": 0,`, "< 1"},
	} {
		bad := strings.Replace(good, c.old, c.new, 1)
		if bad == good {
			t.Fatalf("mutation %q not applied", c.old)
		}
		if err := validateErr([]byte(bad)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("mutation %q → %q: got %v, want an error containing %q", c.old, c.new, err, c.want)
		}
	}
}
