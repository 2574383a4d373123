//! The cycles that leave claims open, and the tree of reasons from one
//! claim down to the facts it rests on.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::words::{Part, to_text};
use super::{Evaluation, Label, Why};
use crate::model::{ClaimId, LinkId, LinkKind, Map, Target};

/// A node of the graph of open (undecided) dependencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Open {
    Claim(ClaimId),
    Link(LinkId),
}

/// What an open node's label waits on: for a claim, the open links that
/// support or attack it; for a link, its open premises and undercuts.
fn open_dependencies(
    map: &Map,
    evaluation: &Evaluation,
    into: &BTreeMap<Target, Vec<LinkId>>,
    node: Open,
) -> Vec<Open> {
    let open_link = |l: &LinkId| evaluation.link(*l) == Label::Undecided;
    match node {
        Open::Claim(c) => into
            .get(&Target::Claim(c))
            .into_iter()
            .flatten()
            .filter(|l| open_link(l))
            .map(|&l| Open::Link(l))
            .collect(),
        Open::Link(l) => {
            let mut deps: Vec<Open> = map
                .links
                .get(&l)
                .into_iter()
                .flat_map(|link| link.premises.iter())
                .filter(|p| evaluation.claim(**p) == Label::Undecided)
                .map(|&p| Open::Claim(p))
                .collect();
            deps.extend(
                into.get(&Target::Link(l))
                    .into_iter()
                    .flatten()
                    .filter(|u| {
                        open_link(u) && map.links.get(u).is_some_and(|u| u.kind == LinkKind::Attack)
                    })
                    .map(|&u| Open::Link(u)),
            );
            deps
        }
    }
}

/// Names the cycle each open claim and link depends on: open nodes are
/// grouped into strongly connected components (Tarjan's algorithm, with an
/// explicit stack), each group that holds a cycle gets one cycle of claims,
/// and every open node the cycle its own group holds or leads to. Linear in
/// the open part of the map.
pub(super) fn find_cycles(map: &Map, evaluation: &mut Evaluation) {
    let nodes: Vec<Open> = evaluation
        .claims()
        .filter(|(_, s)| matches!(s.why, Why::Open { .. }))
        .map(|(id, _)| Open::Claim(id))
        .chain(
            evaluation
                .links()
                .filter(|(_, s)| matches!(s.why, Why::Open { .. }))
                .map(|(id, _)| Open::Link(id)),
        )
        .collect();
    if nodes.is_empty() {
        return;
    }
    let index: BTreeMap<Open, usize> = nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let mut into: BTreeMap<Target, Vec<LinkId>> = BTreeMap::new();
    for (&id, link) in &map.links {
        into.entry(link.target).or_default().push(id);
    }
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|&n| {
            open_dependencies(map, evaluation, &into, n)
                .iter()
                .filter_map(|d| index.get(d).copied())
                .collect()
        })
        .collect();
    let (component, components) = strongly_connected(&edges);
    // Which cycle each component leads to: its own when it has one, else
    // one a component it waits on leads to. Tarjan's algorithm finishes a
    // component after every component it can reach, so those are known.
    let mut cycles: Vec<Option<Vec<ClaimId>>> = vec![None; components.len()];
    for (c, members) in components.iter().enumerate() {
        let looped = members.len() > 1 || members.iter().any(|&m| edges[m].contains(&m));
        cycles[c] = if looped {
            Some(cycle_in(&nodes, &edges, &component, c, members))
        } else {
            members
                .iter()
                .flat_map(|&m| edges[m].iter())
                .find_map(|&d| cycles.get(component[d]).cloned().flatten())
        };
    }
    for (i, node) in nodes.iter().enumerate() {
        let why = Why::Open {
            cycle: cycles[component[i]].clone().unwrap_or_default(),
        };
        if let Some(status) = evaluation.status_mut(*node) {
            status.why = why;
        }
    }
}

/// The strongly connected components of `edges`: each node's component,
/// and the members of each, in the order Tarjan's algorithm finishes them
/// (a component after all it reaches).
pub(super) fn strongly_connected(edges: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let n = edges.len();
    let mut order = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![usize::MAX; n];
    let mut components: Vec<Vec<usize>> = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if order[root] != usize::MAX {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                if order[w] == usize::MAX {
                    order[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == order[v] {
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = components.len();
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                members.sort_unstable();
                components.push(members);
            }
        }
    }
    (component, components)
}

/// A cycle through component `c` (which has one), as its claims, the first
/// repeated at the end: from its first member, breadth first inside the
/// component back to it.
fn cycle_in(
    nodes: &[Open],
    edges: &[Vec<usize>],
    component: &[usize],
    c: usize,
    members: &[usize],
) -> Vec<ClaimId> {
    // Start from a claim if there is one, so the cycle reads from a claim.
    let start = members
        .iter()
        .copied()
        .find(|&m| matches!(nodes[m], Open::Claim(_)))
        .unwrap_or(members[0]);
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    let mut end = None;
    'search: while let Some(v) = queue.pop_front() {
        for &w in &edges[v] {
            if component[w] != c {
                continue;
            }
            if w == start {
                end = Some(v);
                break 'search;
            }
            if let std::collections::btree_map::Entry::Vacant(slot) = parent.entry(w) {
                slot.insert(v);
                queue.push_back(w);
            }
        }
    }
    let mut path = vec![start];
    let mut at = end;
    while let Some(v) = at {
        if v == start {
            break;
        }
        path.push(v);
        at = parent.get(&v).copied();
    }
    // Walked backwards from the end: the path follows "waits on" edges
    // from the start, so reverse the tail to read in that order.
    path[1..].reverse();
    let mut cycle: Vec<ClaimId> = path
        .iter()
        .filter_map(|&v| match nodes[v] {
            Open::Claim(c) => Some(c),
            Open::Link(_) => None,
        })
        .collect();
    if let Some(&first) = cycle.first() {
        cycle.push(first);
    }
    cycle
}

/// One line of the tree of reasons: how deep, which claim, its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeLine {
    /// 0 for the claim asked about.
    pub depth: usize,
    /// The claim.
    pub claim: ClaimId,
    /// Its label.
    pub label: Label,
    /// Why, in words.
    pub why: String,
}

/// The reasons for claim `root`'s label, down to the facts they rest on:
/// each claim, then the claims its reason names, each once.
pub fn explain_tree(map: &Map, evaluation: &Evaluation, root: ClaimId) -> Vec<TreeLine> {
    let mut lines = Vec::new();
    let mut seen = BTreeSet::new();
    let mut stack = vec![(root, 0)];
    while let Some((claim, depth)) = stack.pop() {
        if !seen.insert(claim) || !map.claims.contains_key(&claim) {
            continue;
        }
        let parts = evaluation.why_claim(map, claim);
        lines.push(TreeLine {
            depth,
            claim,
            label: evaluation.claim(claim),
            why: to_text(map, &parts),
        });
        // The claims the reason names, in the order it names them.
        let named: Vec<ClaimId> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Claim(c) if *c != claim => Some(*c),
                _ => None,
            })
            .collect();
        for &next in named.iter().rev() {
            stack.push((next, depth + 1));
        }
    }
    lines
}
