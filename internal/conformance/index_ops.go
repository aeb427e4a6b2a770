package conformance

import (
	"encoding/json"

	"github.com/pluribus-go/pluribus/ndarray"
)

func init() {
	addErrorType[*ndarray.IndexParseError]("index")
	register("indexing", "getitem", opGetItem)
	register("indexing", "setitem", opSetItem)
	register("strings", "setitem", opSetItem)
}

// indexItemJSON is one item of an "index" keyword argument.
type indexItemJSON struct {
	Kind  string `json:"kind"`
	Value *int   `json:"value"`
	Start *int   `json:"start"`
	Stop  *int   `json:"stop"`
	Step  *int   `json:"step"`
}

// basicIndex decodes the case's "index" into index items: basic items,
// Python bools and index arrays (advanced indexing).
func (c *Case) basicIndex() ([]ndarray.Index, error) {
	var raw []json.RawMessage
	if err := c.kwarg("index", &raw); err != nil {
		return nil, err
	}
	items := make([]ndarray.Index, len(raw))
	for i, r := range raw {
		var kind struct {
			Kind string `json:"kind"`
		}
		if err := json.Unmarshal(r, &kind); err != nil {
			return nil, corpusErrorf("index item %d: %v", i, err)
		}
		switch kind.Kind {
		case "bool":
			var b struct {
				Value *bool `json:"value"`
			}
			if err := json.Unmarshal(r, &b); err != nil || b.Value == nil {
				return nil, corpusErrorf("index item %d: bool without a value", i)
			}
			items[i] = ndarray.Bool(*b.Value)
			continue
		case "array":
			arr, err := decodeArray(r)
			if err != nil {
				return nil, err
			}
			items[i] = ndarray.ArrayIndex(arr)
			continue
		}
		var it indexItemJSON
		if err := json.Unmarshal(r, &it); err != nil {
			return nil, corpusErrorf("index item %d: %v", i, err)
		}
		switch it.Kind {
		case "int":
			if it.Value == nil {
				return nil, corpusErrorf("index item %d: int without a value", i)
			}
			items[i] = ndarray.Int(*it.Value)
		case "slice":
			items[i] = ndarray.Slice{Start: it.Start, Stop: it.Stop, Step: it.Step}
		case "newaxis":
			items[i] = ndarray.NewAxis
		case "ellipsis":
			items[i] = ndarray.Ellipsis
		default:
			return nil, unsupported("index item kind %q not supported", it.Kind)
		}
	}
	return items, nil
}

// opGetItem: a[index] for basic indices.
func opGetItem(c *Case) (*Result, error) {
	items, err := c.basicIndex()
	if err != nil {
		return nil, err
	}
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	v, err := a.Slice(items...)
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultArray, Array: v, ViewOf: a}, nil
}

// opSetItem: b = a.copy(); b[index] = value; the result is b.
func opSetItem(c *Case) (*Result, error) {
	items, err := c.basicIndex()
	if err != nil {
		return nil, err
	}
	a, v, err := c.inputPair()
	if err != nil {
		return nil, err
	}
	b := a.Copy()
	if err := b.SetSlice(v, items...); err != nil {
		return nil, err
	}
	return arrayResult(b, nil)
}
