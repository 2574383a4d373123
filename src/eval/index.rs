//! Ids as dense indexes: the evaluation works on positions in small
//! vectors, not on the map's tree maps, and keeps lists of many nodes in
//! flat vectors.

/// Lists of indexes for many nodes in two flat vectors (compressed rows):
/// a few allocations for a whole map instead of one per node, and indexes
/// kept as `u32` (maps hold at most 100,000 claims), so an evaluation
/// touches little memory.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// Where each node's list starts in `items`; one more than nodes.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// The lists of `nodes` nodes holding each `(node, item)` pair, in
    /// the pairs' order.
    pub(super) fn of(nodes: usize, pairs: &[(u32, u32)]) -> Self {
        let mut starts = vec![0_u32; nodes + 1];
        for &(node, _) in pairs {
            starts[node as usize + 1] += 1;
        }
        for i in 0..nodes {
            starts[i + 1] += starts[i];
        }
        // Filled from the back, each node's end moving down to its start.
        let mut items = vec![0_u32; pairs.len()];
        let mut ends: Vec<u32> = starts[1..].to_vec();
        for &(node, item) in pairs.iter().rev() {
            let end = &mut ends[node as usize];
            *end -= 1;
            items[*end as usize] = item;
        }
        Self { starts, items }
    }

    /// Where `node`'s list is in `items`.
    fn range(&self, node: usize) -> std::ops::Range<usize> {
        match (self.starts.get(node), self.starts.get(node + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// `node`'s list.
    pub(super) fn get(&self, node: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.items[self.range(node)].iter().map(|&i| i as usize)
    }

    /// How long `node`'s list is.
    pub(super) fn len(&self, node: usize) -> usize {
        self.get(node).len()
    }
}

/// Where each id is among the ids of a map (which come sorted): a table
/// when ids are dense, as they are in maps made by Argmap, else a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum IndexTable {
    /// `table[id]` is the id's index, or `u32::MAX`.
    Dense(Vec<u32>),
    /// The ids in order, searched.
    Sparse(Vec<u32>),
}

impl Default for IndexTable {
    fn default() -> Self {
        Self::Sparse(Vec::new())
    }
}

impl IndexTable {
    pub(super) fn of(ids: impl Iterator<Item = u32> + Clone) -> Self {
        let count = ids.clone().count();
        let max = ids.clone().max().map_or(0, |m| m as usize);
        if max <= 4 * count + 64 {
            let mut table = vec![u32::MAX; max + 1];
            for (i, id) in ids.enumerate() {
                table[id as usize] = u32::try_from(i).unwrap_or(u32::MAX);
            }
            Self::Dense(table)
        } else {
            Self::Sparse(ids.collect())
        }
    }

    pub(super) fn get(&self, id: u32) -> Option<usize> {
        match self {
            Self::Dense(table) => table
                .get(id as usize)
                .copied()
                .filter(|&i| i != u32::MAX)
                .map(|i| i as usize),
            Self::Sparse(ids) => ids.binary_search(&id).ok(),
        }
    }
}

/// An index as the evaluation stores it.
pub(super) fn ix(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
