//! One sort for the whole crate.
//!
//! Every `sort_by` / `sort_by_key` call with its own closure is a separate copy of the
//! standard library's sort in the WebAssembly binary (several KiB each; thirty of them were
//! about a fifth of the module). Here every ordering is expressed as a fixed-size [`Key`]
//! of three `u64`s, the keys are sorted by one non-generic function, and the items are
//! moved into place by following the permutation's cycles. The sort is stable: the
//! original position breaks ties.
//!
//! Build keys with [`int`], [`float`] (the order of `f64::total_cmp`) and [`desc`]
//! (reverses one component). [`intersection_len`] counts what two sorted lists share.

/// A sort key: compared component by component.
pub type Key = [u64; 3];

/// An unsigned integer as a key component.
#[inline]
pub fn int(x: usize) -> u64 {
    x as u64
}

/// A float as a key component, in the order of [`f64::total_cmp`].
#[inline]
pub fn float(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

/// A key component in reverse (descending) order.
#[inline]
pub fn desc(x: u64) -> u64 {
    !x
}

/// Sorts `v` stably by `key`.
///
/// A list already in order (most are: figures, mentions and spans are found in text order)
/// is left as it is without the sort's copies of its keys and order (36 bytes per item in
/// wasm, on top of the list itself at the peak of the figures stage).
pub fn by_key<T>(v: &mut [T], key: impl Fn(&T) -> Key) {
    if v.len() < 2 || in_order(v, &key) {
        return;
    }
    let mut keyed: Vec<(Key, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    sort_keys(&mut keyed);
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    permute(v, &order);
}

/// True when the keys of `v` never decrease (a stable sort would leave `v` as it is).
fn in_order<T>(v: &[T], key: &impl Fn(&T) -> Key) -> bool {
    let mut items = v.iter();
    let Some(first) = items.next() else { return true };
    let mut prev = key(first);
    for x in items {
        let k = key(x);
        if k < prev {
            return false;
        }
        prev = k;
    }
    true
}

/// Sorts floats in the order of [`f64::total_cmp`]. Floats equal in that order are the
/// same bits, so an unstable sort gives the same result as a stable one.
pub fn floats(v: &mut [f64]) {
    let mut keys: Vec<u64> = v.iter().map(|&x| float(x)).collect();
    sort_u64s(&mut keys);
    for (d, k) in v.iter_mut().zip(keys) {
        // the inverse of `float`
        *d = f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k });
    }
}

/// A plain value that converts to a `u64` and back, preserving order: integers, chars
/// and pairs of `u32`s (packed high/low).
pub trait Plain: Copy {
    /// The value as an order-preserving `u64`.
    fn to_u64(self) -> u64;
    /// The value back from [`Plain::to_u64`].
    fn from_u64(x: u64) -> Self;
}

macro_rules! plain_ints {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            #[inline]
            fn to_u64(self) -> u64 { self as u64 }
            #[inline]
            fn from_u64(x: u64) -> Self { x as $t }
        }
    )*};
}
plain_ints!(u8, u16, u32, u64, usize);

impl Plain for char {
    #[inline]
    fn to_u64(self) -> u64 {
        self as u64
    }
    #[inline]
    fn from_u64(x: u64) -> Self {
        char::from_u32(x as u32).unwrap_or('\u{fffd}')
    }
}

impl Plain for (u32, u32) {
    #[inline]
    fn to_u64(self) -> u64 {
        (self.0 as u64) << 32 | self.1 as u64
    }
    #[inline]
    fn from_u64(x: u64) -> Self {
        ((x >> 32) as u32, x as u32)
    }
}

/// Sorts plain values ascending (the order of `Ord` for each of them) through one sort of
/// `u64`s: each `sort_unstable` on another element type would be its own copy of the
/// standard library's sort in the WebAssembly module (about 4 KB each before wasm-opt).
/// A `Vec<u64>` needs no copy: its own `sort_unstable()` is that same sort.
pub fn plain<T: Plain>(v: &mut [T]) {
    if v.len() < 2 || v.windows(2).all(|w| w[0].to_u64() <= w[1].to_u64()) {
        return;
    }
    let mut keys: Vec<u64> = v.iter().map(|x| x.to_u64()).collect();
    sort_u64s(&mut keys);
    for (d, k) in v.iter_mut().zip(keys) {
        *d = T::from_u64(k);
    }
}

#[inline(never)]
fn sort_u64s(v: &mut [u64]) {
    v.sort_unstable();
}

#[inline(never)]
fn sort_keys(keyed: &mut [(Key, usize)]) {
    // Positions are unique, so no two entries are equal and an unstable sort is stable.
    keyed.sort_unstable();
}

/// Puts item `order[k]` at position `k`, following the cycles of the permutation.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut k = start;
        loop {
            if let Some(d) = done.get_mut(k) {
                *d = true;
            }
            let src = order.get(k).copied().unwrap_or(start);
            if src == start {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}

/// Size of the intersection of two sorted, deduplicated slices (one merge pass).
pub fn intersection_len<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_equal_to_std() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            let v: Vec<(usize, usize)> = (0..n).map(|i| (next() % 7, i)).collect();
            let mut ours = v.clone();
            by_key(&mut ours, |x| [int(x.0), 0, 0]);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|x| x.0);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }

    #[test]
    fn floats_and_descending() {
        let xs = [3.5, -1.0, 0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, 2.0, -7.25, 1e-300];
        let mut by_bits: Vec<f64> = xs.to_vec();
        by_key(&mut by_bits, |&x| [float(x), 0, 0]);
        let mut std_sorted = xs.to_vec();
        std_sorted.sort_by(f64::total_cmp);
        assert_eq!(by_bits.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), std_sorted.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        let mut down = xs.to_vec();
        by_key(&mut down, |&x| [desc(float(x)), 0, 0]);
        std_sorted.reverse();
        assert_eq!(down.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), std_sorted.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        let mut f = xs.to_vec();
        floats(&mut f);
        assert_eq!(f.first().copied(), Some(f64::NEG_INFINITY));
    }

    #[test]
    fn plain_values_sort_like_std() {
        let mut seed = 11u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed >> 20
        };
        let v: Vec<u64> = (0..500).map(|_| next()).collect();
        let mut a: Vec<u32> = v.iter().map(|&x| x as u32).collect();
        let mut b = a.clone();
        plain(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a: Vec<usize> = v.iter().map(|&x| (x % 1000) as usize).collect();
        let mut b = a.clone();
        plain(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a: Vec<(u32, u32)> = v.iter().map(|&x| ((x % 5) as u32, (x >> 8) as u32)).collect();
        let mut b = a.clone();
        plain(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a: Vec<char> = "Zürich, Genève — 東京 👍".chars().collect();
        let mut b = a.clone();
        plain(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn lists_in_order_are_left_as_they_are() {
        // (ties in order stay in order: the sort is stable)
        let v: Vec<(u32, char)> = vec![(1, 'a'), (1, 'b'), (2, 'c'), (2, 'd'), (9, 'e')];
        let mut w = v.clone();
        by_key(&mut w, |x| [x.0 as u64, 0, 0]);
        assert_eq!(w, v);
        // one item out of place, at the end: sorted, ties in their original order
        let mut w = vec![(2, 'a'), (3, 'b'), (3, 'c'), (1, 'd'), (3, 'e')];
        by_key(&mut w, |x: &(u32, char)| [x.0 as u64, 0, 0]);
        assert_eq!(w, vec![(1, 'd'), (2, 'a'), (3, 'b'), (3, 'c'), (3, 'e')]);
        let mut p = vec![1u32, 1, 2, 5];
        plain(&mut p);
        assert_eq!(p, [1, 1, 2, 5]);
        let mut p = vec![1u32, 5, 2, 2];
        plain(&mut p);
        assert_eq!(p, [1, 2, 2, 5]);
    }

    #[test]
    fn permutes_non_copy_items() {
        let mut v: Vec<String> = ["d", "b", "a", "c", "b"].iter().map(|s| s.to_string()).collect();
        by_key(&mut v, |s| [s.as_bytes().first().copied().unwrap_or(0) as u64, 0, 0]);
        assert_eq!(v, ["a", "b", "b", "c", "d"]);
    }
}
