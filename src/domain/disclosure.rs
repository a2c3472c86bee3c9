//! Publishing counts to the council without singling anyone out.
//!
//! Small counts are shown as "<threshold" (primary suppression), then further figures are
//! withheld (complementary suppression) until no hidden figure can be worked out from the
//! published ones through the tables' sums, or through figures declared equal across tables.
//!
//! Every figure of every table (cells, row totals, column totals, grand totals) is one
//! unknown; each sum and each declared equality is a linear equation with coefficients in
//! {-1, 0, +1}. A hidden figure is recoverable when the equations pin it down given the
//! published figures, i.e. when its unit vector lies in the row space of the equations
//! restricted to the hidden figures. That is decided exactly with integer elimination.
//!
//! Bounds too: a reader knows a `Small` figure lies in 1..threshold and a `Withheld` one is 0
//! or at least the threshold, and could combine that with the sums (a `Small` and a
//! `Withheld` cell adding up to an exact 12 must be 1 and 11). The bounds are narrowed by
//! propagating them through every equation until nothing changes (`narrowed_to_one`); a small
//! figure they pin to one value is withheld around like one the equations pin. (Propagation
//! finds what a reader finds equation by equation; a reader solving them all at once as a
//! linear program might narrow further, never to a figure the equations leave free.)

use std::fmt;

/// The usual threshold: counts of 1 to 10 are not published.
pub const DEFAULT_THRESHOLD: u64 = 11;

/// One table as counted: category labels (rows), column labels, `counts[row][col]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    /// Category labels, one per row.
    pub rows: Vec<String>,
    /// Period (or site×period) labels, one per column.
    pub columns: Vec<String>,
    /// `counts[row][col]`; must be `rows.len()` rows of `columns.len()` counts.
    pub counts: Vec<Vec<u64>>,
}

/// A figure as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Shown as counted.
    Exact(u64),
    /// Shown as "<threshold": the count was 1..threshold.
    Small,
    /// Hidden so that a small figure cannot be worked out; not itself small.
    Withheld,
}

impl Published {
    /// Whether the figure is not shown as a number.
    pub fn is_hidden(self) -> bool {
        !matches!(self, Published::Exact(_))
    }
}

/// A table as published: cells, row totals, column totals, grand total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedTable {
    /// Category labels, one per row.
    pub rows: Vec<String>,
    /// Column labels.
    pub columns: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<Published>>,
    /// One per row.
    pub row_totals: Vec<Published>,
    /// One per column.
    pub column_totals: Vec<Published>,
    /// The grand total.
    pub total: Published,
}

/// Which figure of which table, for declaring figures equal across tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    /// `Cell(table, row, col)`.
    Cell(usize, usize, usize),
    /// `RowTotal(table, row)`.
    RowTotal(usize, usize),
    /// `ColumnTotal(table, col)`.
    ColumnTotal(usize, usize),
    /// `Total(table)`.
    Total(usize),
}

/// Input that does not form a consistent system of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeError {
    /// The threshold was 0; it must be at least 1 (1 means nothing is small).
    ZeroThreshold,
    /// This table's rows, row figures or totals do not match its row and column labels.
    Table(usize),
    /// This declared equality names a table, row or column that does not exist.
    FigureOutOfRange(usize),
    /// This declared equality does not hold in the counts.
    UnequalFigures(usize),
    /// This table's total does not fit in a `u64`.
    Overflow(usize),
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShapeError::ZeroThreshold => write!(f, "threshold must be at least 1"),
            ShapeError::Table(t) => write!(f, "table {t}: figures do not match the labels"),
            ShapeError::FigureOutOfRange(k) => write!(f, "equality {k}: no such figure"),
            ShapeError::UnequalFigures(k) => write!(f, "equality {k}: the counts differ"),
            ShapeError::Overflow(t) => write!(f, "table {t}: the total overflows"),
        }
    }
}

impl std::error::Error for ShapeError {}

/// Publishes `tables` so that no hidden figure can be worked out from the published ones,
/// taking the figures declared `equal` into account. `threshold` is usually
/// [`DEFAULT_THRESHOLD`]. The same input always gives the same output.
pub fn protect(
    tables: &[CountTable],
    equal: &[(Figure, Figure)],
    threshold: u64,
) -> Result<Vec<PublishedTable>, ShapeError> {
    if threshold == 0 {
        return Err(ShapeError::ZeroThreshold);
    }
    let layout = Layout::of_counts(tables)?;
    let values = true_values(tables)?;
    let pairs = layout.pairs(equal)?;
    if let Some(pair) = pairs.iter().position(|&(a, b)| values[a] != values[b]) {
        return Err(ShapeError::UnequalFigures(pair));
    }
    let system = System::new(&layout, &pairs);
    let state = system.suppress(&values, threshold);
    Ok(tables
        .iter()
        .enumerate()
        .map(|(t, table)| layout.render(t, table.rows.clone(), table.columns.clone(), &state))
        .collect())
}

/// The hidden figures of `published` that can be worked out from its exact figures, the
/// tables' sums and the figures declared `equal`. Empty when the publication is safe.
pub fn recoverable(
    published: &[PublishedTable],
    equal: &[(Figure, Figure)],
) -> Result<Vec<Figure>, ShapeError> {
    let layout = Layout::of_published(published)?;
    let pairs = layout.pairs(equal)?;
    let hidden: Vec<bool> = flatten(published).iter().map(|p| p.is_hidden()).collect();
    let system = System::new(&layout, &pairs);
    // If the arithmetic overflows, assume the worst: every hidden figure is exposed.
    let pinned = pinned(&system.eqs, &hidden).unwrap_or_else(|| hidden.clone());
    Ok((0..hidden.len())
        .filter(|&v| hidden[v] && pinned[v])
        .map(|v| layout.figure(v))
        .collect())
}

/// The self-check before a report is signed: `published` has the shape of `tables`, every
/// exact figure is the true count, no count of 1..threshold is exact, `Small` is used only
/// for such counts, and no hidden figure is recoverable.
pub fn is_protected(
    tables: &[CountTable],
    published: &[PublishedTable],
    equal: &[(Figure, Figure)],
    threshold: u64,
) -> bool {
    // Shapes first: the sums index by column.
    let Ok(layout) = Layout::of_counts(tables) else {
        return false;
    };
    let Ok(values) = true_values(tables) else {
        return false;
    };
    match Layout::of_published(published) {
        Ok(shown) if shown.dims == layout.dims && threshold > 0 => {}
        _ => return false,
    }
    let small = |v: u64| (1..threshold).contains(&v);
    let honest = flatten(published)
        .iter()
        .zip(&values)
        .all(|(p, &v)| match *p {
            Published::Exact(x) => x == v && !small(v),
            Published::Small => small(v),
            Published::Withheld => true,
        });
    let state = flatten(published);
    let Ok(pairs) = layout.pairs(equal) else {
        return false;
    };
    let system = System::new(&layout, &pairs);
    honest
        && matches!(recoverable(published, equal), Ok(found) if found.is_empty())
        && !narrowed_to_one(&system.eqs, &state, threshold).contains(&true)
}

/// The published value of one figure, or `None` if there is no such figure.
pub fn published_figure(published: &[PublishedTable], figure: Figure) -> Option<Published> {
    match figure {
        Figure::Cell(t, i, j) => published.get(t)?.cells.get(i)?.get(j).copied(),
        Figure::RowTotal(t, i) => published.get(t)?.row_totals.get(i).copied(),
        Figure::ColumnTotal(t, j) => published.get(t)?.column_totals.get(j).copied(),
        Figure::Total(t) => Some(published.get(t)?.total),
    }
}

/// One linear equation: (figure index, coefficient) pairs summing to zero.
type Equation = Vec<(usize, i128)>;

/// Where each figure sits in the one vector of all figures. Per table, in this order:
/// cells row by row, row totals, column totals, grand total.
struct Layout {
    dims: Vec<(usize, usize)>,
    base: Vec<usize>,
    len: usize,
}

impl Layout {
    fn new(dims: Vec<(usize, usize)>) -> Self {
        let mut base = Vec::with_capacity(dims.len());
        let mut len = 0;
        for &(r, c) in &dims {
            base.push(len);
            len += r * c + r + c + 1;
        }
        Layout { dims, base, len }
    }

    fn of_counts(tables: &[CountTable]) -> Result<Self, ShapeError> {
        let mut dims = Vec::with_capacity(tables.len());
        for (table, t) in tables.iter().enumerate() {
            dims.push(check_rows(table, &t.rows, &t.columns, &t.counts)?);
        }
        Ok(Layout::new(dims))
    }

    fn of_published(tables: &[PublishedTable]) -> Result<Self, ShapeError> {
        let mut dims = Vec::with_capacity(tables.len());
        for (table, t) in tables.iter().enumerate() {
            let (r, c) = check_rows(table, &t.rows, &t.columns, &t.cells)?;
            if t.row_totals.len() != r || t.column_totals.len() != c {
                return Err(ShapeError::Table(table));
            }
            dims.push((r, c));
        }
        Ok(Layout::new(dims))
    }

    fn cell(&self, t: usize, i: usize, j: usize) -> usize {
        self.base[t] + i * self.dims[t].1 + j
    }

    fn row_total(&self, t: usize, i: usize) -> usize {
        let (r, c) = self.dims[t];
        self.base[t] + r * c + i
    }

    fn column_total(&self, t: usize, j: usize) -> usize {
        let (r, c) = self.dims[t];
        self.base[t] + r * c + r + j
    }

    fn total(&self, t: usize) -> usize {
        let (r, c) = self.dims[t];
        self.base[t] + r * c + r + c
    }

    fn index(&self, figure: Figure) -> Option<usize> {
        let t = match figure {
            Figure::Cell(t, ..) | Figure::RowTotal(t, _) | Figure::ColumnTotal(t, _) => t,
            Figure::Total(t) => t,
        };
        let &(r, c) = self.dims.get(t)?;
        match figure {
            Figure::Cell(_, i, j) => (i < r && j < c).then(|| self.cell(t, i, j)),
            Figure::RowTotal(_, i) => (i < r).then(|| self.row_total(t, i)),
            Figure::ColumnTotal(_, j) => (j < c).then(|| self.column_total(t, j)),
            Figure::Total(_) => Some(self.total(t)),
        }
    }

    fn figure(&self, v: usize) -> Figure {
        let t = self.base.partition_point(|&b| b <= v) - 1;
        let (r, c) = self.dims[t];
        let local = v - self.base[t];
        if local < r * c {
            Figure::Cell(t, local / c, local % c)
        } else if local < r * c + r {
            Figure::RowTotal(t, local - r * c)
        } else if local < r * c + r + c {
            Figure::ColumnTotal(t, local - r * c - r)
        } else {
            Figure::Total(t)
        }
    }

    fn pairs(&self, equal: &[(Figure, Figure)]) -> Result<Vec<(usize, usize)>, ShapeError> {
        let index = |k, f| self.index(f).ok_or(ShapeError::FigureOutOfRange(k));
        equal
            .iter()
            .enumerate()
            .map(|(k, &(a, b))| Ok((index(k, a)?, index(k, b)?)))
            .collect()
    }

    fn render(
        &self,
        t: usize,
        rows: Vec<String>,
        columns: Vec<String>,
        state: &[Published],
    ) -> PublishedTable {
        let (r, c) = self.dims[t];
        PublishedTable {
            rows,
            columns,
            cells: (0..r)
                .map(|i| (0..c).map(|j| state[self.cell(t, i, j)]).collect())
                .collect(),
            row_totals: (0..r).map(|i| state[self.row_total(t, i)]).collect(),
            column_totals: (0..c).map(|j| state[self.column_total(t, j)]).collect(),
            total: state[self.total(t)],
        }
    }
}

/// The (rows, columns) of a table whose figures match its labels.
fn check_rows<T>(
    table: usize,
    rows: &[String],
    columns: &[String],
    figures: &[Vec<T>],
) -> Result<(usize, usize), ShapeError> {
    let fits = figures.len() == rows.len() && figures.iter().all(|f| f.len() == columns.len());
    fits.then_some((rows.len(), columns.len()))
        .ok_or(ShapeError::Table(table))
}

/// All true figures, in layout order.
fn true_values(tables: &[CountTable]) -> Result<Vec<u64>, ShapeError> {
    let mut out = Vec::new();
    for (table, t) in tables.iter().enumerate() {
        let overflow = || ShapeError::Overflow(table);
        let rows: Vec<u64> = t
            .counts
            .iter()
            .map(|row| checked_sum(row.iter().copied()))
            .collect::<Option<_>>()
            .ok_or_else(overflow)?;
        let cols: Vec<u64> = (0..t.columns.len())
            .map(|j| checked_sum(t.counts.iter().map(|row| row[j])))
            .collect::<Option<_>>()
            .ok_or_else(overflow)?;
        let grand = checked_sum(rows.iter().copied()).ok_or_else(overflow)?;
        out.extend(t.counts.iter().flatten().copied());
        out.extend(rows);
        out.extend(cols);
        out.push(grand);
    }
    Ok(out)
}

fn checked_sum(values: impl Iterator<Item = u64>) -> Option<u64> {
    values.into_iter().try_fold(0u64, u64::checked_add)
}

/// All published figures, in layout order.
fn flatten(published: &[PublishedTable]) -> Vec<Published> {
    let mut out = Vec::new();
    for t in published {
        out.extend(t.cells.iter().flatten().copied());
        out.extend(t.row_totals.iter().copied());
        out.extend(t.column_totals.iter().copied());
        out.push(t.total);
    }
    out
}

/// The equations over all figures, which equations each figure is in, and which are totals.
struct System {
    eqs: Vec<Equation>,
    touching: Vec<Vec<usize>>,
    is_total: Vec<bool>,
}

impl System {
    fn new(layout: &Layout, pairs: &[(usize, usize)]) -> Self {
        let mut eqs: Vec<Equation> = Vec::new();
        for (t, &(r, c)) in layout.dims.iter().enumerate() {
            for i in 0..r {
                let mut eq: Equation = (0..c).map(|j| (layout.cell(t, i, j), 1)).collect();
                eq.push((layout.row_total(t, i), -1));
                eqs.push(eq);
            }
            for j in 0..c {
                let mut eq: Equation = (0..r).map(|i| (layout.cell(t, i, j), 1)).collect();
                eq.push((layout.column_total(t, j), -1));
                eqs.push(eq);
            }
            let mut by_rows: Equation = (0..r).map(|i| (layout.row_total(t, i), 1)).collect();
            by_rows.push((layout.total(t), -1));
            let mut by_cols: Equation = (0..c).map(|j| (layout.column_total(t, j), 1)).collect();
            by_cols.push((layout.total(t), -1));
            eqs.extend([by_rows, by_cols]);
        }
        eqs.extend(
            pairs
                .iter()
                .filter(|(a, b)| a != b)
                .map(|&(a, b)| vec![(a, 1), (b, -1)]),
        );
        let mut touching = vec![Vec::new(); layout.len];
        for (e, eq) in eqs.iter().enumerate() {
            for &(v, _) in eq {
                touching[v].push(e);
            }
        }
        let is_total = (0..layout.len)
            .map(|v| !matches!(layout.figure(v), Figure::Cell(..)))
            .collect();
        System {
            eqs,
            touching,
            is_total,
        }
    }

    /// Primary suppression, then withhold one figure at a time until nothing hidden is
    /// pinned down. Ends because each round withholds one more figure, and once every
    /// figure the equations do not force to 0 is hidden, nothing hidden is pinned down.
    fn suppress(&self, values: &[u64], threshold: u64) -> Vec<Published> {
        let threshold = threshold.max(1);
        let n = values.len();
        let mut state: Vec<Published> = values
            .iter()
            .map(|&v| {
                if (1..threshold).contains(&v) {
                    Published::Small
                } else {
                    Published::Exact(v)
                }
            })
            .collect();
        // Figures the equations alone force to 0: showing them tells nobody anything.
        let forced = pinned(&self.eqs, &vec![true; n]).unwrap_or_else(|| vec![false; n]);
        loop {
            let hidden: Vec<bool> = state.iter().map(|p| p.is_hidden()).collect();
            let pinned = pinned(&self.eqs, &hidden).unwrap_or_else(|| hidden.clone());
            let bounded = narrowed_to_one(&self.eqs, &state, threshold);
            let exposed: Vec<usize> = (0..n)
                .filter(|&v| hidden[v] && (pinned[v] || bounded[v]))
                .collect();
            if exposed.is_empty() {
                return state;
            }
            match self.complement(&exposed, &hidden, values, &forced) {
                Some(v) => state[v] = Published::Withheld,
                None => return state,
            }
        }
    }

    /// The next figure to withhold: a published figure sharing an equation with an exposed
    /// one (failing that, with any hidden one; failing that, any). Prefers non-zero, then
    /// cells over totals, then the smallest count; a 0 only as a last resort, totals first.
    fn complement(
        &self,
        exposed: &[usize],
        hidden: &[bool],
        values: &[u64],
        forced: &[bool],
    ) -> Option<usize> {
        let usable = |v: &usize| !hidden[*v] && !forced[*v];
        let around = |seeds: &[usize]| -> Vec<usize> {
            let eqs = seeds.iter().flat_map(|&s| &self.touching[s]);
            eqs.flat_map(|&e| &self.eqs[e])
                .map(|&(v, _)| v)
                .filter(usable)
                .collect()
        };
        let mut pool = around(exposed);
        if pool.is_empty() {
            let all_hidden: Vec<usize> = (0..hidden.len()).filter(|&v| hidden[v]).collect();
            pool = around(&all_hidden);
        }
        if pool.is_empty() {
            pool = (0..hidden.len()).filter(usable).collect();
        }
        pool.into_iter().min_by_key(|&v| {
            let zero = values[v] == 0;
            (zero, zero != self.is_total[v], values[v], v)
        })
    }
}

/// Larger than any count: the upper bound of a figure nothing bounds.
const UNBOUNDED: i128 = 1 << 100;

/// For each figure: whether it is a `Small` one that the bounds a reader knows (`Small` in
/// 1..threshold, `Withheld` 0 or at least the threshold, `Exact` itself), carried through
/// every equation until they change no more, leave with one possible value.
fn narrowed_to_one(eqs: &[Equation], state: &[Published], threshold: u64) -> Vec<bool> {
    let t = i128::from(threshold);
    let mut bounds: Vec<(i128, i128)> = state
        .iter()
        .map(|p| match *p {
            Published::Exact(x) => (i128::from(x), i128::from(x)),
            Published::Small => (1, t - 1),
            Published::Withheld => (0, UNBOUNDED),
        })
        .collect();
    // Each pass can only narrow; a few dozen passes reach what equation-by-equation reasoning
    // reaches on tables of this size.
    for _ in 0..64 {
        let mut changed = false;
        for eq in eqs {
            for &(j, cj) in eq {
                if !state[j].is_hidden() {
                    continue;
                }
                // cj·x_j = −Σ_{i≠j} c_i·x_i, with every c = ±1.
                let (mut low, mut high) = (0i128, 0i128);
                for &(i, ci) in eq.iter().filter(|(i, _)| *i != j) {
                    let (lo, hi) = bounds[i];
                    if ci > 0 {
                        (low, high) = (low + lo, high.saturating_add(hi));
                    } else {
                        (low, high) = (low.saturating_sub(hi), high - lo);
                    }
                }
                let (lo, hi) = if cj > 0 { (-high, -low) } else { (low, high) };
                let (old_lo, old_hi) = bounds[j];
                let (mut new_lo, mut new_hi) = (old_lo.max(lo), old_hi.min(hi.min(UNBOUNDED)));
                if state[j] == Published::Withheld {
                    // 0, or at least the threshold: nothing in between.
                    if (1..t).contains(&new_lo) {
                        new_lo = t;
                    }
                    if (1..t).contains(&new_hi) {
                        new_hi = 0;
                    }
                }
                if new_lo <= new_hi && (new_lo, new_hi) != (old_lo, old_hi) {
                    bounds[j] = (new_lo, new_hi);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    state
        .iter()
        .zip(&bounds)
        .map(|(p, &(lo, hi))| *p == Published::Small && lo == hi)
        .collect()
}

/// For each figure: whether it is hidden and pinned down by `eqs` given the figures not
/// `hidden`. `None` if the integer arithmetic overflowed.
///
/// Reduces the equations, restricted to the hidden figures, to reduced row echelon form
/// (fraction-free, rows kept primitive by their gcd). A hidden figure is pinned down
/// exactly when some reduced row is a multiple of its unit vector: any vector of the row
/// space with zeros at the other pivots is a multiple of that figure's pivot row.
fn pinned(eqs: &[Equation], hidden: &[bool]) -> Option<Vec<bool>> {
    let unknowns: Vec<usize> = (0..hidden.len()).filter(|&v| hidden[v]).collect();
    let mut column = vec![usize::MAX; hidden.len()];
    for (k, &v) in unknowns.iter().enumerate() {
        column[v] = k;
    }
    let mut m: Vec<Vec<i128>> = eqs
        .iter()
        .filter_map(|eq| {
            let mut row = vec![0i128; unknowns.len()];
            for &(v, c) in eq.iter().filter(|(v, _)| hidden[*v]) {
                row[column[v]] += c;
            }
            row.iter().any(|&x| x != 0).then_some(row)
        })
        .collect();
    let pivots = reduce(&mut m, unknowns.len())?;
    let mut out = vec![false; hidden.len()];
    for (r, c) in pivots {
        if m[r].iter().filter(|&&x| x != 0).count() == 1 {
            out[unknowns[c]] = true;
        }
    }
    Some(out)
}

/// Gauss–Jordan elimination in integers; returns the (row, column) of each pivot.
fn reduce(m: &mut [Vec<i128>], width: usize) -> Option<Vec<(usize, usize)>> {
    let mut pivots = Vec::new();
    let mut top = 0;
    for col in 0..width {
        let Some(found) = (top..m.len()).find(|&r| m[r][col] != 0) else {
            continue;
        };
        m.swap(top, found);
        // Taken out while the other rows are updated, so no copy is needed.
        let pivot = std::mem::take(&mut m[top]);
        for (r, row) in m.iter_mut().enumerate() {
            if r != top && row[col] != 0 {
                eliminate(row, &pivot, col)?;
            }
        }
        m[top] = pivot;
        pivots.push((top, col));
        top += 1;
        if top == m.len() {
            break;
        }
    }
    Some(pivots)
}

/// `row := row * p - pivot * a` (p, a the entries at `col`, divided by their gcd), so that
/// `row[col]` becomes 0; then divides the row by the gcd of its entries.
fn eliminate(row: &mut [i128], pivot: &[i128], col: usize) -> Option<()> {
    let g = i128::try_from(gcd(pivot[col].unsigned_abs(), row[col].unsigned_abs())).ok()?;
    let (p, a) = (pivot[col] / g, row[col] / g);
    for (x, &y) in row.iter_mut().zip(pivot) {
        *x = x.checked_mul(p)?.checked_sub(y.checked_mul(a)?)?;
    }
    let g = row.iter().fold(0u128, |g, &x| gcd(g, x.unsigned_abs()));
    if let Ok(g @ 2..) = i128::try_from(g) {
        row.iter_mut().for_each(|x| *x /= g);
    }
    Some(())
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: u64 = DEFAULT_THRESHOLD;
    const E: fn(u64) -> Published = Published::Exact;

    fn table(counts: &[&[u64]]) -> CountTable {
        let columns = counts.first().map_or(0, |r| r.len());
        CountTable {
            rows: (0..counts.len()).map(|i| format!("r{i}")).collect(),
            columns: (0..columns).map(|j| format!("c{j}")).collect(),
            counts: counts.iter().map(|r| r.to_vec()).collect(),
        }
    }

    /// Hidden figures per additive line: each row, each column, row totals, column totals.
    /// A line with exactly one hidden figure gives it away as total minus the rest.
    fn hidden_per_line(p: &PublishedTable) -> Vec<usize> {
        let h = |x: &Published| usize::from(x.is_hidden());
        let mut lines = Vec::new();
        for (row, total) in p.cells.iter().zip(&p.row_totals) {
            lines.push(row.iter().map(h).sum::<usize>() + h(total));
        }
        for (j, total) in p.column_totals.iter().enumerate() {
            lines.push(p.cells.iter().map(|row| h(&row[j])).sum::<usize>() + h(total));
        }
        lines.push(p.row_totals.iter().map(h).sum::<usize>() + h(&p.total));
        lines.push(p.column_totals.iter().map(h).sum::<usize>() + h(&p.total));
        lines
    }

    #[test]
    fn single_small_cell_is_hidden_and_not_derivable() {
        let t = [table(&[
            &[25, 30, 41, 20],
            &[22, 3, 60, 33],
            &[90, 21, 27, 45],
        ])];
        let out = protect(&t, &[], T).unwrap();
        assert_eq!(out[0].cells[1][1], Published::Small);
        let lines = hidden_per_line(&out[0]);
        // Row 1 and column 1 (line 3 + 1) hold the 3: each needs a second hidden figure.
        assert!(lines[1] >= 2 && lines[4] >= 2, "{lines:?}");
        assert!(lines.iter().all(|&n| n != 1), "{lines:?}");
        assert!(is_protected(&t, &out, &[], T));
    }

    #[test]
    fn recoverability_is_detected() {
        let mut p = PublishedTable {
            rows: vec!["a".into(), "b".into()],
            columns: vec!["x".into(), "y".into()],
            cells: vec![vec![Published::Small, E(40)], vec![E(30), E(50)]],
            row_totals: vec![E(43), E(80)],
            column_totals: vec![E(33), E(90)],
            total: E(123),
        };
        let found = recoverable(std::slice::from_ref(&p), &[]).unwrap();
        assert_eq!(found, vec![Figure::Cell(0, 0, 0)]);
        let t = [table(&[&[3, 40], &[30, 50]])];
        assert!(!is_protected(&t, std::slice::from_ref(&p), &[], T));
        // Hiding the whole inner 2x2 leaves a free direction (+1, -1, -1, +1).
        p.cells = vec![vec![Published::Small, Published::Withheld]; 2];
        p.cells[1][0] = Published::Withheld;
        let both = [p];
        assert!(recoverable(&both, &[]).unwrap().is_empty());
        assert!(is_protected(&t, &both, &[], T));
        // Declaring the hidden 3 equal to a published 3 elsewhere gives it away again.
        let mut with_three = both.to_vec();
        with_three.push(one_by_one(E(3)));
        let equal = [(Figure::Cell(0, 0, 0), Figure::Total(1))];
        let found = recoverable(&with_three, &equal).unwrap();
        assert!(found.contains(&Figure::Cell(0, 0, 0)));
    }

    fn one_by_one(p: Published) -> PublishedTable {
        PublishedTable {
            rows: vec!["r0".into()],
            columns: vec!["c0".into()],
            cells: vec![vec![p]],
            row_totals: vec![p],
            column_totals: vec![p],
            total: p,
        }
    }

    #[test]
    fn large_counts_are_all_exact() {
        let out = protect(&[table(&[&[11, 12], &[400, 13]])], &[], T).unwrap();
        let p = &out[0];
        assert_eq!(p.cells, [[E(11), E(12)], [E(400), E(13)]]);
        assert_eq!(p.row_totals, [E(23), E(413)]);
        assert_eq!(p.column_totals, [E(411), E(25)]);
        assert_eq!(p.total, E(436));
    }

    #[test]
    fn zeros_stay_exact_and_the_small_row_is_hidden() {
        let tables = [table(&[&[0, 0, 4], &[20, 30, 40]])];
        let out = protect(&tables, &[], T).unwrap();
        let p = &out[0];
        assert_eq!(p.cells[0][..2], [E(0), E(0)]);
        assert_eq!([p.cells[0][2], p.row_totals[0]], [Published::Small; 2]);
        assert!(is_protected(&tables, &out, &[], T));
        let single = [table(&[&[0, 0, 4]])];
        let out = protect(&single, &[], T).unwrap();
        assert_eq!([out[0].row_totals[0], out[0].total], [Published::Small; 2]);
        assert_eq!(out[0].column_totals[..2], [E(0), E(0)]);
        assert!(is_protected(&single, &out, &[], T));
    }

    #[test]
    fn one_by_one_and_empty_tables() {
        let out = protect(&[table(&[&[5]]), table(&[&[50]])], &[], T).unwrap();
        assert_eq!(out, [one_by_one(Published::Small), one_by_one(E(50))]);
        let no_rows = CountTable {
            rows: vec![],
            columns: vec!["m".into(), "n".into()],
            counts: vec![],
        };
        let no_cols = CountTable {
            rows: vec!["a".into()],
            columns: vec![],
            counts: vec![vec![]],
        };
        let tables = [no_rows, no_cols];
        let out = protect(&tables, &[], T).unwrap();
        assert_eq!(out[0].column_totals, [E(0); 2]);
        assert_eq!(out[1].row_totals, [E(0)]);
        assert_eq!([out[0].total, out[1].total], [E(0); 2]);
        assert!(is_protected(&tables, &out, &[], T));
    }

    #[test]
    fn bad_input_is_an_error() {
        let mut t = [table(&[&[1, 2], &[3, 4]])];
        assert_eq!(protect(&t, &[], 0), Err(ShapeError::ZeroThreshold));
        assert_eq!(protect(&t, &[], 1).unwrap()[0].total, E(10));
        let far = [(Figure::Total(0), Figure::Total(3))];
        assert_eq!(protect(&t, &far, T), Err(ShapeError::FigureOutOfRange(0)));
        let unequal = [(Figure::Cell(0, 0, 0), Figure::Cell(0, 0, 1))];
        assert_eq!(protect(&t, &unequal, T), Err(ShapeError::UnequalFigures(0)));
        let out = protect(&t, &[], T).unwrap();
        assert!(!is_protected(&t, &out, &[], 0));
        t[0].counts[1].pop();
        assert_eq!(protect(&t, &[], T), Err(ShapeError::Table(0)));
        assert!(!is_protected(&t, &out, &[], T));
    }

    #[test]
    fn equal_figures_across_tables_are_protected_together() {
        // A: cards by reason × (Feb, Mar); B: fees by outcome × (Mar, Apr). A's March total
        // is B's March total, and A's grand total is B's first row total.
        let a = table(&[&[3, 500]]);
        let b = table(&[&[200, 303], &[300, 397]]);
        let equal = [
            (Figure::ColumnTotal(0, 1), Figure::ColumnTotal(1, 0)),
            (Figure::Total(0), Figure::RowTotal(1, 0)),
        ];
        let alone = protect(std::slice::from_ref(&b), &[], T).unwrap();
        assert!(flatten(&alone).iter().all(|p| !p.is_hidden()));
        let tables = [a, b];
        let out = protect(&tables, &equal, T).unwrap();
        assert_eq!(out[0].column_totals[0], Published::Small);
        let hidden = |f| published_figure(&out, f).map(Published::is_hidden);
        // A must hide its March total or its grand total (else 3 = total - March), and B
        // must then hide the same figure.
        assert!(equal.iter().any(|&(x, _)| hidden(x) == Some(true)));
        for &(x, y) in &equal {
            assert_eq!(hidden(x), hidden(y), "{x:?} {y:?}");
        }
        assert!(is_protected(&tables, &out, &equal, T));
    }

    #[test]
    fn same_input_same_output() {
        let tables = [
            table(&[&[3, 40, 50], &[7, 0, 33], &[12, 2, 90]]),
            table(&[&[22, 42, 173]]),
        ];
        let equal = [
            (Figure::Total(0), Figure::Total(1)),
            (Figure::ColumnTotal(0, 2), Figure::Cell(1, 0, 2)),
        ];
        let first = protect(&tables, &equal, T).unwrap();
        assert_eq!(first, protect(&tables, &equal, T).unwrap());
        assert!(is_protected(&tables, &first, &equal, T));
    }

    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn count(&mut self) -> u64 {
            match self.next() % 3 {
                0 => 0,
                1 => 1 + self.next() % 10,
                _ => 11 + self.next() % 490,
            }
        }
    }

    /// Every 4th case adds a second table merging the rows by parity (same column totals and
    /// grand total), declared equal.
    fn random_case(rng: &mut XorShift, case: usize) -> (Vec<CountTable>, Vec<(Figure, Figure)>) {
        let (r, c) = (1 + rng.next() as usize % 6, 1 + rng.next() as usize % 6);
        let counts: Vec<Vec<u64>> = (0..r)
            .map(|_| (0..c).map(|_| rng.count()).collect())
            .collect();
        let mut tables = vec![table(&counts.iter().map(Vec::as_slice).collect::<Vec<_>>())];
        if !case.is_multiple_of(4) {
            return (tables, vec![]);
        }
        let half = |k: usize, j: usize| counts.iter().skip(k).step_by(2).map(|row| row[j]).sum();
        let merged: Vec<Vec<u64>> = (0..2)
            .map(|k| (0..c).map(|j| half(k, j)).collect())
            .collect();
        tables.push(table(&merged.iter().map(Vec::as_slice).collect::<Vec<_>>()));
        let mut equal: Vec<_> = (0..c)
            .map(|j| (Figure::ColumnTotal(0, j), Figure::ColumnTotal(1, j)))
            .collect();
        equal.push((Figure::Total(0), Figure::Total(1)));
        (tables, equal)
    }

    /// True figures, computed here independently of the module, in `flatten` order.
    fn figures(tables: &[CountTable]) -> Vec<u64> {
        let mut out = Vec::new();
        for t in tables {
            let column = |j: usize| t.counts.iter().map(|row| row[j]).sum::<u64>();
            out.extend(t.counts.iter().flatten());
            out.extend(t.counts.iter().map(|row| row.iter().sum::<u64>()));
            out.extend((0..t.columns.len()).map(column));
            out.push(t.counts.iter().flatten().sum());
        }
        out
    }

    #[test]
    fn random_tables_are_protected() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for case in 0..200 {
            let (tables, equal) = random_case(&mut rng, case);
            let out = protect(&tables, &equal, T).unwrap();
            assert!(is_protected(&tables, &out, &equal, T), "{case}: {tables:?}");
            assert!(hidden_per_line(&out[0]).iter().all(|&n| n != 1), "{case}");
            for (p, v) in flatten(&out).into_iter().zip(figures(&tables)) {
                assert!(!(1..T).contains(&v) || p.is_hidden(), "{case}");
                assert!(!matches!(p, Published::Exact(x) if x != v), "{case}");
            }
        }
    }

    #[test]
    fn a_small_figure_pinned_by_what_the_markers_mean_is_protected_further() {
        // Row 0: a 1 and an 11, total 12. With only the 11 withheld, 12 − withheld ∈ 1..10 and
        // withheld ∈ {0} ∪ [11, ∞) leave withheld = 11 and the small cell = 1.
        let tables = vec![table(&[&[1, 11], &[50, 60]])];
        let published = protect(&tables, &[], 11).unwrap();
        assert!(is_protected(&tables, &published, &[], 11), "{published:?}");
        let pinned_by_bounds = PublishedTable {
            rows: tables[0].rows.clone(),
            columns: tables[0].columns.clone(),
            cells: vec![
                vec![Published::Small, Published::Withheld],
                vec![Published::Withheld, Published::Withheld],
            ],
            row_totals: vec![Published::Exact(12), Published::Exact(110)],
            column_totals: vec![Published::Exact(51), Published::Exact(71)],
            total: Published::Exact(122),
        };
        assert!(
            !is_protected(&tables, &[pinned_by_bounds], &[], 11),
            "12 = <11 + withheld gives 1 + 11 away"
        );
    }
}
