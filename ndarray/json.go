package ndarray

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

// MarshalJSON encodes a as {"dtype": "float64", "shape": [2, 3], "data":
// [[…], […]]}: the elements as nested lists (a 0-d array's data is the
// element itself). Integers are written exactly, floats in their shortest
// form that reads back to the same bits, NaN and infinities as the
// strings "nan", "inf" and "-inf", complex numbers as [re, im] pairs.
// Text is written as JSON strings: the value of a Unicode ("U<n>", dtype
// "<U3" or ">U3") or variable-length string (dtype "string") element, and
// for a Bytes ("S<n>") element one character U+0000…U+00FF per byte
// (Latin-1), so that any bytes survive; trailing NULs of fixed-width
// elements are dropped. Other parameterised types (dates, records,
// categoricals, options) have no JSON form here (a *ValueError).
func (a *Array) MarshalJSON() ([]byte, error) {
	if a.dtype.Num() == dtype.NumUser && !jsonText(a.dtype) {
		return nil, &ValueError{Op: "marshal json", Msg: "dtype " + a.dtype.String() + " has no JSON form"}
	}
	var b bytes.Buffer
	b.WriteString(`{"dtype":`)
	name, _ := json.Marshal(a.dtype.String())
	b.Write(name)
	b.WriteString(`,"shape":[`)
	for i, d := range a.Shape() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(d))
	}
	b.WriteString(`],"data":`)
	snap := a.StringArena().snapshot()
	if a.NDim() == 0 {
		if err := a.writeJSONAt(&b, a.offset, snap); err != nil {
			return nil, err
		}
	} else if err := a.writeJSONLevel(&b, 0, a.offset, snap); err != nil {
		return nil, err
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func (a *Array) writeJSONLevel(b *bytes.Buffer, axis, off int, snap []byte) error {
	b.WriteByte('[')
	for i := range a.Shape()[axis] {
		if i > 0 {
			b.WriteByte(',')
		}
		o := off + i*a.Strides()[axis]
		var err error
		if axis == a.NDim()-1 {
			err = a.writeJSONAt(b, o, snap)
		} else {
			err = a.writeJSONLevel(b, axis+1, o, snap)
		}
		if err != nil {
			return err
		}
	}
	b.WriteByte(']')
	return nil
}

// jsonText reports whether dt is a text type with a JSON form: U, S or
// variable-length strings.
func jsonText(dt dtype.DType) bool {
	switch dt.Kind() {
	case dtype.KindUnicode, dtype.KindBytes, dtype.KindString:
		return true
	}
	return false
}

// writeJSONAt writes the element at byte offset off; snap is the arena
// snapshot of an array of variable-length strings.
func (a *Array) writeJSONAt(b *bytes.Buffer, off int, snap []byte) error {
	if !jsonText(a.dtype) {
		writeJSONElement(b, a.valueAt(off))
		return nil
	}
	s, err := a.textAt("marshal json", off, snap)
	if err != nil {
		return err
	}
	if a.dtype.Kind() == dtype.KindBytes {
		rs := make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			rs[i] = rune(s[i])
		}
		s = string(rs)
	}
	q, err := json.Marshal(s)
	if err != nil {
		return &ValueError{Op: "marshal json", Msg: err.Error()}
	}
	b.Write(q)
	return nil
}

func writeJSONFloat(b *bytes.Buffer, f float64, bits int) {
	switch {
	case math.IsNaN(f):
		b.WriteString(`"nan"`)
	case math.IsInf(f, 1):
		b.WriteString(`"inf"`)
	case math.IsInf(f, -1):
		b.WriteString(`"-inf"`)
	default:
		b.WriteString(strconv.FormatFloat(f, 'g', -1, bits))
	}
}

func writeJSONElement(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int8, int16, int32, int64, uint8, uint16, uint32, uint64:
		fmt.Fprint(b, x)
	case float16.Float16:
		writeJSONFloat(b, float64(x.Float32()), 32)
	case float32:
		writeJSONFloat(b, float64(x), 32)
	case float64:
		writeJSONFloat(b, x, 64)
	case complex64:
		b.WriteByte('[')
		writeJSONFloat(b, float64(real(x)), 32)
		b.WriteByte(',')
		writeJSONFloat(b, float64(imag(x)), 32)
		b.WriteByte(']')
	case complex128:
		b.WriteByte('[')
		writeJSONFloat(b, real(x), 64)
		b.WriteByte(',')
		writeJSONFloat(b, imag(x), 64)
		b.WriteByte(']')
	}
}

// UnmarshalJSON decodes the form MarshalJSON writes into a, replacing its
// dtype, shape and elements with a new buffer (views of the old a are not
// affected). Data that does not match the shape, values that do not fit
// the dtype (a string longer than a fixed width, a Bytes character above
// U+00FF) and unknown dtypes are errors.
func (a *Array) UnmarshalJSON(data []byte) error {
	var doc struct {
		DType string          `json:"dtype"`
		Shape []int           `json:"shape"`
		Data  json.RawMessage `json:"data"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return &ValueError{Op: "unmarshal json", Msg: err.Error()}
	}
	dt, err := dtype.Parse(doc.DType)
	if doc.DType == dtype.String.String() {
		dt, err = dtype.String, nil
	}
	if err != nil {
		return err
	}
	if doc.Shape == nil {
		return &ValueError{Op: "unmarshal json", Msg: `missing "shape"`}
	}
	out, err := newArray(dt, doc.Shape, C)
	if err != nil {
		return err
	}
	var tree any
	d := json.NewDecoder(bytes.NewReader(doc.Data))
	d.UseNumber()
	if err := d.Decode(&tree); err != nil {
		return &ValueError{Op: "unmarshal json", Msg: `bad "data": ` + err.Error()}
	}
	flat := make([]any, 0, out.size)
	if len(doc.Shape) == 0 {
		flat = append(flat, tree)
	} else if err := flattenJSON(tree, doc.Shape, &flat); err != nil {
		return err
	}
	for i, v := range flat {
		if err := setJSONElement(out, i*dt.Size(), v); err != nil {
			return err
		}
	}
	a.reset(out) // with the text of variable-length strings
	return nil
}

func flattenJSON(v any, shape []int, flat *[]any) error {
	list, ok := v.([]any)
	if !ok || len(list) != shape[0] {
		return &ShapeError{Op: "unmarshal json", Msg: fmt.Sprintf("data does not match shape %s", FormatShape(shape))}
	}
	for _, e := range list {
		if len(shape) == 1 {
			*flat = append(*flat, e)
			continue
		}
		if err := flattenJSON(e, shape[1:], flat); err != nil {
			return err
		}
	}
	return nil
}

func jsonFloat(v any) (float64, error) {
	switch x := v.(type) {
	case json.Number:
		return strconv.ParseFloat(string(x), 64)
	case string:
		switch x {
		case "nan":
			return math.NaN(), nil
		case "inf":
			return math.Inf(1), nil
		case "-inf":
			return math.Inf(-1), nil
		}
	}
	return 0, &ValueError{Op: "unmarshal json", Msg: fmt.Sprintf("%v is not a number", v)}
}

func setJSONElement(a *Array, off int, v any) error {
	bad := func() error {
		return &ValueError{Op: "unmarshal json", Msg: fmt.Sprintf("%v is not a %s value", v, a.dtype)}
	}
	switch a.dtype.Kind() {
	case dtype.KindUnicode, dtype.KindBytes, dtype.KindString:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		return setJSONText(a, off, s)
	case dtype.KindBool:
		b, ok := v.(bool)
		if !ok {
			return bad()
		}
		store(a, off, b)
	case dtype.KindInt, dtype.KindUint:
		n, ok := v.(json.Number)
		if !ok {
			return bad()
		}
		bits := a.dtype.Size() * 8
		if a.dtype.Kind() == dtype.KindUint {
			u, err := strconv.ParseUint(string(n), 10, bits)
			if err != nil {
				return bad()
			}
			switch bits {
			case 8:
				store(a, off, uint8(u))
			case 16:
				store(a, off, uint16(u))
			case 32:
				store(a, off, uint32(u))
			default:
				store(a, off, u)
			}
			return nil
		}
		i, err := strconv.ParseInt(string(n), 10, bits)
		if err != nil {
			return bad()
		}
		switch bits {
		case 8:
			store(a, off, int8(i))
		case 16:
			store(a, off, int16(i))
		case 32:
			store(a, off, int32(i))
		default:
			store(a, off, i)
		}
	case dtype.KindFloat:
		f, err := jsonFloat(v)
		if err != nil {
			return bad()
		}
		switch a.dtype.Size() {
		case 2:
			store(a, off, dtype.FromFloat64(f))
		case 4:
			store(a, off, float32(f))
		default:
			store(a, off, f)
		}
	case dtype.KindComplex:
		pair, ok := v.([]any)
		if !ok || len(pair) != 2 {
			return bad()
		}
		re, err1 := jsonFloat(pair[0])
		im, err2 := jsonFloat(pair[1])
		if err1 != nil || err2 != nil {
			return bad()
		}
		if a.dtype.Size() == 8 {
			store(a, off, complex(float32(re), float32(im)))
		} else {
			store(a, off, complex(re, im))
		}
	default:
		return bad()
	}
	return nil
}

// setJSONText stores the JSON string s in the text element at byte offset
// off: a Bytes value is read back from its Latin-1 form, and a
// fixed-width value must fit the width.
func setJSONText(a *Array, off int, s string) error {
	dt := a.dtype
	switch dt.Kind() {
	case dtype.KindString:
		*(*dtype.StringRef)(a.ptr(off)) = a.arenaFor().Add(s)
		return nil
	case dtype.KindBytes:
		bs := make([]byte, 0, len(s))
		for _, r := range s {
			if r > 0xff {
				return &ValueError{Op: "unmarshal json", Msg: fmt.Sprintf("%q is not a %s value: character %U is not a byte", s, dt, r)}
			}
			bs = append(bs, byte(r))
		}
		if len(bs) > dt.Width() {
			return &ValueError{Op: "unmarshal json", Msg: fmt.Sprintf("%q is longer than %s holds", s, dt)}
		}
		dtype.EncodeBytes(a.elem(off), bs)
		return nil
	}
	if utf8.RuneCountInString(s) > dt.Width() {
		return &ValueError{Op: "unmarshal json", Msg: fmt.Sprintf("%q is longer than %s holds", s, dt)}
	}
	return dtype.SetStringValue(dt, a.elem(off), s)
}

// MarshalBinary encodes a in NumPy's .npy format (see WriteNPY).
func (a *Array) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	if err := a.WriteNPY(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// UnmarshalBinary decodes .npy bytes into a, replacing its dtype, shape
// and elements (see ReadNPY).
func (a *Array) UnmarshalBinary(data []byte) error {
	r, err := ReadNPY(bytes.NewReader(data))
	if err != nil {
		return err
	}
	a.reset(r)
	return nil
}
