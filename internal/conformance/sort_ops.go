package conformance

import (
	"github.com/pluribus-go/pluribus/ndarray"
)

func init() {
	register("sorting", "sort", opSort)
	register("sorting", "argsort", opArgSort)
	register("sorting", "unique", opUnique)
}

// sortAxis reads the axis of a sort: an int, or null for the flattened
// array (flat true).
func (c *Case) sortAxis() (axis int, flat bool, err error) {
	if !c.hasKwarg("axis") {
		return 0, true, nil
	}
	if err := c.kwarg("axis", &axis); err != nil {
		return 0, false, err
	}
	return axis, false, nil
}

// checkKind accepts the sort kinds the corpus uses (every kind gives the
// stable result here, which is a valid answer for all of them).
func (c *Case) checkKind() error {
	kind, err := c.kwargString("kind", "stable")
	if err != nil {
		return err
	}
	switch kind {
	case "stable", "mergesort", "quicksort", "heapsort":
		return nil
	}
	return unsupported("sort kind %q", kind)
}

// opSort: np.sort(a, axis, kind).
func opSort(c *Case) (*Result, error) {
	if err := c.checkKind(); err != nil {
		return nil, err
	}
	axis, flat, err := c.sortAxis()
	if err != nil {
		return nil, err
	}
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	if flat {
		return arrayResult(ndarray.SortFlat(a))
	}
	return arrayResult(ndarray.Sort(a, axis))
}

// opArgSort: np.argsort(a, axis, kind).
func opArgSort(c *Case) (*Result, error) {
	if err := c.checkKind(); err != nil {
		return nil, err
	}
	axis, flat, err := c.sortAxis()
	if err != nil {
		return nil, err
	}
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	if flat {
		return arrayResult(ndarray.ArgSortFlat(a))
	}
	return arrayResult(ndarray.ArgSort(a, axis))
}

// opUnique: np.unique(a, return_index, return_inverse, return_counts,
// axis): expected when no flag is set, else expected_list.
func opUnique(c *Case) (*Result, error) {
	var opts ndarray.UniqueOptions
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"return_index", &opts.ReturnIndex}, {"return_inverse", &opts.ReturnInverse}, {"return_counts", &opts.ReturnCounts}} {
		if c.hasKwarg(f.name) {
			if err := c.kwarg(f.name, f.dst); err != nil {
				return nil, err
			}
		}
	}
	axis, flat, err := c.sortAxis()
	if err != nil {
		return nil, err
	}
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var r *ndarray.UniqueResult
	if flat {
		r, err = ndarray.Unique(a, opts)
	} else {
		r, err = ndarray.UniqueAxis(a, axis, opts)
	}
	if err != nil {
		return nil, err
	}
	if !opts.ReturnIndex && !opts.ReturnInverse && !opts.ReturnCounts {
		return arrayResult(r.Values, nil)
	}
	return &Result{Kind: resultList, List: r.List()}, nil
}
