package ndarray

import (
	"slices"
	"unsafe"
)

// The sorting kernels work on the raw bits of elements, viewed as
// unsigned integers of the element's width, after mapping them to keys
// whose unsigned order is the elements' order (see toKeys). Keys are then
// sorted by an LSD radix sort (stable, O(n) per byte of key) or, for short
// rows, by a comparison sort.

// radixUint is the set of raw element representations the kernels sort.
type radixUint interface {
	~uint8 | ~uint16 | ~uint32 | ~uint64
}

// keyKind says how raw bits map to ordered keys.
type keyKind uint8

const (
	keyUnsigned keyKind = iota // bool, uint*: the bits are the key
	keySigned                  // int*: flip the sign bit
	keyFloat                   // float16/32/64: see toKeys
	keyTime                    // datetime64/timedelta64: signed, NaT (the smallest int64) last
)

// Thresholds below which comparison sorts beat the radix sort.
const (
	valueRadixMin = 256 // values: slices.Sort on keys below this length
	argRadixMin   = 48  // arg sorts: insertion sort below this length
)

// widthOf returns the bit width of U.
func widthOf[U radixUint]() uint {
	var z U
	return uint(unsafe.Sizeof(z)) * 8
}

// floatInf returns the bits of +Inf for a float of the given width; a
// value whose bits without the sign exceed it is a NaN.
func floatInf[U radixUint]() U {
	var v uint64
	switch widthOf[U]() {
	case 16:
		v = 0x7C00
	case 32:
		v = 0x7F800000
	default:
		v = 0x7FF0000000000000
	}
	return U(v)
}

// keyStats is what toKeys learns about a row of floats.
type keyStats[U radixUint] struct {
	nans             []U // the NaNs' original bits, in input order
	negZero, posZero bool
}

// toKeys maps raw element bits to keys in place. Signed integers get
// their sign bit flipped. Floats map to sign-magnitude order: a positive
// x to x|sign, a negative x to ^x, and every NaN to the largest key. With
// argKeys, -0.0 maps to the key of +0.0 (they compare equal, so a stable
// sort keeps their order); otherwise -0.0 keeps its own key, just below
// +0.0, so that fromKeys can invert the map, and st records what the
// inverse loses (NaN payloads, the interleaving of zeros of either sign).
func toKeys[U radixUint](s []U, kind keyKind, argKeys bool, st *keyStats[U]) {
	sign := U(1) << (widthOf[U]() - 1)
	switch kind {
	case keySigned:
		for i := range s {
			s[i] ^= sign
		}
	case keyTime:
		// the signed order rotated down by one: NaT's key 0 wraps to the top
		for i := range s {
			s[i] = (s[i] ^ sign) - 1
		}
	case keyFloat:
		inf := floatInf[U]()
		for i, x := range s {
			ax := x &^ sign
			switch {
			case ax > inf:
				if st != nil {
					st.nans = append(st.nans, x)
				}
				s[i] = ^U(0)
			case x&sign != 0:
				if ax == 0 {
					if argKeys {
						s[i] = sign
						continue
					}
					if st != nil {
						st.negZero = true
					}
				}
				s[i] = ^x
			default:
				if ax == 0 && st != nil {
					st.posZero = true
				}
				s[i] = x | sign
			}
		}
	}
}

// fromKeys inverts toKeys (argKeys false) in place. NaNs come back as one
// NaN pattern; fixFloatRow restores the originals.
func fromKeys[U radixUint](s []U, kind keyKind) {
	sign := U(1) << (widthOf[U]() - 1)
	switch kind {
	case keySigned:
		for i := range s {
			s[i] ^= sign
		}
	case keyTime:
		for i := range s {
			s[i] = (s[i] + 1) ^ sign
		}
	case keyFloat:
		for i, k := range s {
			if k&sign != 0 {
				s[i] = k &^ sign
			} else {
				s[i] = ^k
			}
		}
	}
}

// sortValues sorts one row of raw elements in place with NumPy's order
// and stable-sort result: NaNs last in their input order, zeros of either
// sign in their input order. tmp is scratch of at least len(s).
func sortValues[U radixUint](s, tmp []U, kind keyKind) {
	n := len(s)
	if n < 2 {
		return
	}
	var st keyStats[U]
	toKeys(s, kind, false, &st)
	sign := U(1) << (widthOf[U]() - 1)
	var zeros []U // the raw zeros in input order, when both signs occur
	if st.negZero && st.posZero {
		for _, k := range s {
			switch k {
			case sign - 1: // -0.0
				zeros = append(zeros, sign)
			case sign: // +0.0
				zeros = append(zeros, 0)
			}
		}
	}
	if n < valueRadixMin {
		slices.Sort(s)
	} else {
		radixKeys(s, tmp[:n])
	}
	z0 := 0
	if zeros != nil {
		z0, _ = slices.BinarySearch(s, sign-1)
	}
	fromKeys(s, kind)
	copy(s[z0:], zeros)
	if len(st.nans) > 0 {
		copy(s[n-len(st.nans):], st.nans)
	}
}

// digitBits returns the radix digit width used for keys of type U:
// 11 bits (6 passes at most for 64-bit keys, 3 for 32-bit ones, with
// histograms that stay in cache) or 8 bits for narrow keys.
func digitBits[U radixUint]() uint {
	if widthOf[U]() >= 32 {
		return 11
	}
	return 8
}

// radixHist counts, for each digit position, how many keys have each
// digit value. It returns the counts and the number of passes.
func radixHist[U radixUint](keys []U) ([]uint32, int, uint) {
	db := digitBits[U]()
	w := widthOf[U]()
	passes := int((w + db - 1) / db)
	nb := 1 << db
	mask := U(nb - 1)
	cnt := make([]uint32, passes*nb)
	switch passes {
	case 6:
		c0, c1, c2, c3, c4, c5 := cnt[0:nb], cnt[nb:2*nb], cnt[2*nb:3*nb], cnt[3*nb:4*nb], cnt[4*nb:5*nb], cnt[5*nb:6*nb]
		for _, k := range keys {
			c0[k&mask]++
			c1[(k>>db)&mask]++
			c2[(k>>(2*db))&mask]++
			c3[(k>>(3*db))&mask]++
			c4[(k>>(4*db))&mask]++
			c5[(k>>(5*db))&mask]++
		}
	default:
		for _, k := range keys {
			for p := range passes {
				cnt[p*nb+int((k>>(uint(p)*db))&mask)]++
			}
		}
	}
	return cnt, passes, db
}

// radixKeys sorts keys in place with an LSD radix sort, using tmp (same
// length) as scratch. Passes where every key has the same digit are
// skipped.
func radixKeys[U radixUint](keys, tmp []U) {
	cnt, passes, db := radixHist(keys)
	nb := 1 << db
	mask := U(nb - 1)
	n := len(keys)
	off := make([]int, nb)
	src, dst := keys, tmp
	for p := range passes {
		c := cnt[p*nb : (p+1)*nb]
		sh := uint(p) * db
		if int(c[(src[0]>>sh)&mask]) == n {
			continue
		}
		sum := 0
		for i, x := range c {
			off[i] = sum
			sum += int(x)
		}
		for _, k := range src {
			d := (k >> sh) & mask
			o := off[d]
			dst[o] = k
			off[d] = o + 1
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// argsortKeys sorts keys stably and carries idx along, using the scratch
// slices tk and ti (same length). On return idx holds the permutation.
func argsortKeys[U radixUint](keys []U, idx []int64, tk []U, ti []int64) {
	n := len(keys)
	if n < argRadixMin {
		for i := 1; i < n; i++ {
			k, x := keys[i], idx[i]
			j := i
			for j > 0 && keys[j-1] > k {
				keys[j], idx[j] = keys[j-1], idx[j-1]
				j--
			}
			keys[j], idx[j] = k, x
		}
		return
	}
	cnt, passes, db := radixHist(keys)
	nb := 1 << db
	mask := U(nb - 1)
	off := make([]int, nb)
	sk, dk := keys, tk
	si, di := idx, ti
	for p := range passes {
		c := cnt[p*nb : (p+1)*nb]
		sh := uint(p) * db
		if int(c[(sk[0]>>sh)&mask]) == n {
			continue
		}
		sum := 0
		for i, x := range c {
			off[i] = sum
			sum += int(x)
		}
		for i, k := range sk {
			d := (k >> sh) & mask
			o := off[d]
			dk[o] = k
			di[o] = si[i]
			off[d] = o + 1
		}
		sk, dk = dk, sk
		si, di = di, si
	}
	if &sk[0] != &keys[0] {
		copy(keys, sk)
		copy(idx, si)
	}
}
