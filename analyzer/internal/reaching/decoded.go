package reaching

import (
	"encoding/json"
	"go/constant"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A decode is a call of encoding/json.Unmarshal whose document is a
// constant (json.Unmarshal([]byte(`{"region":"us-east-1"}`), &s)): the
// fields it writes are known, as if the package stored them.
type decode struct {
	call ssa.CallInstruction
	// keys are the document's top-level members; nil when the document
	// is no JSON object.
	keys map[string]json.RawMessage
}

// constDecode reports whether the interface value mi (a pointer to an
// object) is used only as the destination of a json.Unmarshal of a
// constant document, and returns that call.
func constDecode(mi *ssa.MakeInterface) (decode, bool) {
	refs := *mi.Referrers()
	if len(refs) != 1 {
		return decode{}, false
	}
	call, ok := refs[0].(ssa.CallInstruction)
	if !ok {
		return decode{}, false
	}
	common := call.Common()
	fn := common.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "encoding/json" || fn.Name() != "Unmarshal" ||
		len(common.Args) != 2 || common.Args[1] != ssa.Value(mi) {
		return decode{}, false
	}
	conv, ok := common.Args[0].(*ssa.Convert)
	if !ok {
		return decode{}, false
	}
	c, ok := conv.X.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return decode{}, false
	}
	d := decode{call: call}
	if json.Unmarshal([]byte(constant.StringVal(c.Value)), &d.keys) != nil {
		d.keys = nil
	} else if d.keys == nil {
		d.keys = map[string]json.RawMessage{} // null: nothing written
	}
	return d, true
}

// field returns what the document writes to field index of the struct
// st, as encoding/json decodes it: set reports that it writes the field,
// known that the answer is a string value (a JSON string into a string
// field). A key the document lacks, or null, leaves the field as it was;
// a document that is no JSON object, a struct with embedded fields, or a
// value of another kind is not known.
func (d decode) field(st *types.Struct, index int) (value string, set, known bool) {
	doc := d.keys
	if doc == nil {
		return "", false, false
	}
	for f := range st.Fields() {
		if f.Embedded() {
			return "", false, false
		}
	}
	f := st.Field(index)
	name, skip := jsonName(f.Name(), st.Tag(index))
	if skip || !f.Exported() {
		return "", false, true // encoding/json never writes it
	}
	raw, ok := doc[name]
	if !ok {
		// encoding/json matches keys case-insensitively too.
		for k, v := range doc {
			if strings.EqualFold(k, name) {
				raw, ok = v, true
				break
			}
		}
	}
	if !ok || string(raw) == "null" {
		return "", false, true
	}
	if b, isBasic := f.Type().Underlying().(*types.Basic); !isBasic || b.Info()&types.IsString == 0 {
		return "", true, false
	}
	if json.Unmarshal(raw, &value) != nil {
		return "", true, false
	}
	return value, true, true
}

// jsonName returns the key encoding/json reads a field from, and whether
// it skips the field (json:"-").
func jsonName(field, tag string) (string, bool) {
	t := reflect.StructTag(tag).Get("json")
	if t == "-" {
		return "", true
	}
	if name, _, _ := strings.Cut(t, ","); name != "" {
		return name, false
	}
	return field, false
}
