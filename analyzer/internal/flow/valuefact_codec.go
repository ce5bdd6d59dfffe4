package flow

// The compact encoding of ValueFact's Region facts (ValueFact.Ext).

import (
	"encoding/binary"
	"errors"
	"go/types"
)

// encodeExt encodes the unexported Region facts of v.
func (v *ValueFact) encodeExt() []byte {
	if v.globalRegion == 0 && len(v.pass) == 0 && len(v.consts) == 0 && len(v.fields) == 0 {
		return nil
	}
	b := []byte{v.globalRegion}
	b = binary.AppendUvarint(b, uint64(len(v.pass)))
	for _, p := range v.pass {
		b = append(b, p.Param, p.Result)
	}
	b = binary.AppendUvarint(b, uint64(len(v.consts)))
	for _, c := range v.consts {
		b = append(b, c.Result)
		b = appendString(b, c.Value)
	}
	b = binary.AppendUvarint(b, uint64(len(v.fields)))
	for _, f := range v.fields {
		g := byte(0)
		if f.GlobalRegion {
			g = 1
		}
		b = append(b, f.Result, f.Field, g)
		b = appendString(b, f.Const)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errShort reports a truncated encoding.
var errShort = errors.New("truncated ValueFact")

// decodeExt sets the unexported Region facts of v from v.Ext.
func (v *ValueFact) decodeExt() error {
	v.globalRegion, v.pass, v.consts, v.fields = 0, nil, nil, nil
	if len(v.Ext) == 0 {
		return nil
	}
	d := decoder{data: v.Ext}
	v.globalRegion = d.byte()
	for n := d.count(); n > 0 && d.err == nil; n-- {
		v.pass = append(v.pass, ParamResult{Param: d.byte(), Result: d.byte()})
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		c := ResultConst{Result: d.byte()}
		c.Value = d.string()
		v.consts = append(v.consts, c)
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		f := ResultField{Result: d.byte(), Field: d.byte(), GlobalRegion: d.byte() == 1}
		f.Const = d.string()
		v.fields = append(v.fields, f)
	}
	return d.err
}

// importValueFact imports the ValueFact of obj and decodes its Region
// facts; a fact whose encoding is damaged counts as absent.
func (fs *Facts) importValueFact(obj types.Object, fact *ValueFact) bool {
	return fs.f.pass.ImportObjectFact(obj, fact) && fact.decodeExt() == nil
}

// decoder reads the encoding, remembering the first error.
type decoder struct {
	data []byte
	err  error
}

func (d *decoder) byte() byte {
	if len(d.data) == 0 {
		d.err = errShort
		return 0
	}
	c := d.data[0]
	d.data = d.data[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.data)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.data = d.data[n:]
	return x
}

// count reads a slice length, bounded by the bytes left.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.data)) {
		d.err = errShort
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.data[:n])
	d.data = d.data[n:]
	return s
}
