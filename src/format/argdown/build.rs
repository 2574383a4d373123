//! The read Argdown document turned into a map, and a report of what has
//! no place in one.

use std::collections::{BTreeSet, HashMap};

use super::read::{Argument, Document, Node, Relation};
use super::{ACCEPTED_TAG, DENIAL, REJECTED_TAG, THESIS_TAG};
use crate::format::Imported;
use crate::model::{
    Assessment, Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Map, Pos, Standard, Target,
    Weight,
};

/// Turns the read document into a map.
#[expect(
    clippy::too_many_lines,
    reason = "One pass per kind of element, in order."
)]
pub(super) fn build(doc: &Document) -> Imported {
    let mut map = Map::new(doc.title.clone());
    map.sources.clone_from(&doc.sources);
    let mut report = Vec::new();
    let related: BTreeSet<Node> = doc.relations.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    let in_pcs: BTreeSet<usize> = doc
        .arguments
        .iter()
        .flat_map(|a| a.pcs.iter().flatten().copied())
        .collect();

    // Stand-in conclusions (the denial of what an argument attacks) fold
    // into the attack itself.
    let folded: BTreeSet<usize> = doc
        .arguments
        .iter()
        .filter_map(final_conclusion)
        .filter(|&s| {
            doc.statements[s]
                .title
                .as_deref()
                .is_some_and(|t| t.starts_with(DENIAL))
        })
        .collect();

    let mut claims: HashMap<Node, ClaimId> = HashMap::new();
    let mut prose = 0;
    let mut thesis = None;
    for (i, statement) in doc.statements.iter().enumerate() {
        let node = Node::Statement(i);
        if folded.contains(&i) {
            continue;
        }
        let is_prose =
            statement.top_level_untitled && !related.contains(&node) && !in_pcs.contains(&i);
        let text = if statement.text.is_empty() {
            statement.title.clone().unwrap_or_default()
        } else {
            statement.text.clone()
        };
        let (mut claim, is_thesis) = claim_with_tags(text, &statement.tags);
        // Argdown's titles are kept, except those Argmap's own writer
        // made up from the text.
        claim.title = statement
            .title
            .clone()
            .filter(|t| *t != claim.text && !super::write::is_derived_title(t, &claim.text));
        if is_prose {
            // Prose between the trees: kept, as a note card.
            prose += 1;
            claim.kind = ClaimKind::Note;
        }
        let id = map.add_claim(claim);
        if is_thesis && thesis.is_none() {
            thesis = Some(id);
        }
        claims.insert(node, id);
    }
    for (i, argument) in doc.arguments.iter().enumerate() {
        if argument.pcs.iter().any(Option::is_some) {
            continue;
        }
        let text = if argument.text.is_empty() {
            argument.title.clone()
        } else {
            argument.text.clone()
        };
        let (mut claim, is_thesis) = claim_with_tags(text, &argument.tags);
        if !argument.title.ends_with("(untitled)") && !argument.text.is_empty() {
            claim.title = Some(argument.title.clone());
        }
        let id = map.add_claim(claim);
        if is_thesis && thesis.is_none() {
            thesis = Some(id);
        }
        claims.insert(Node::Argument(i), id);
    }

    // Inferences of reconstructed arguments; a folded final inference
    // waits for the relation that says what it attacks.
    let mut final_link: HashMap<usize, LinkId> = HashMap::new();
    let mut folded_arguments: HashMap<usize, Vec<ClaimId>> = HashMap::new();
    let mut incomplete = 0;
    for (a, argument) in doc.arguments.iter().enumerate() {
        let mut premises: Vec<ClaimId> = Vec::new();
        let mut expect_conclusion = false;
        let steps = &argument.pcs;
        for (k, step) in steps.iter().enumerate() {
            match step {
                None => expect_conclusion = true,
                Some(s) if expect_conclusion => {
                    expect_conclusion = false;
                    let is_last = !steps[k + 1..].iter().any(Option::is_some);
                    if folded.contains(s) && is_last {
                        folded_arguments.insert(a, std::mem::take(&mut premises));
                        continue;
                    }
                    let Some(&conclusion) = claims.get(&Node::Statement(*s)) else {
                        continue;
                    };
                    premises.retain(|&p| p != conclusion);
                    premises.dedup();
                    if premises.is_empty() {
                        incomplete += 1;
                    } else {
                        let id = map.add_link(Link::new(
                            LinkKind::Support,
                            std::mem::take(&mut premises),
                            Target::Claim(conclusion),
                        ));
                        final_link.insert(a, id);
                    }
                    premises.push(conclusion);
                }
                Some(s) => {
                    if let Some(&claim) = claims.get(&Node::Statement(*s))
                        && !premises.contains(&claim)
                    {
                        premises.push(claim);
                    }
                }
            }
        }
        if expect_conclusion
            || (!steps.is_empty()
                && !final_link.contains_key(&a)
                && !folded_arguments.contains_key(&a))
        {
            incomplete += 1;
        }
    }

    // What a reconstructed argument says about itself is kept as the
    // note of the claim it argues for (or, for an objection, of its first
    // premise).
    let mut descriptions = 0;
    for argument in &doc.arguments {
        if argument.text.is_empty() || !argument.pcs.iter().any(Option::is_some) {
            continue;
        }
        let described = final_conclusion(argument)
            .filter(|s| !folded.contains(s))
            .or_else(|| argument.pcs.iter().flatten().next().copied())
            .and_then(|s| claims.get(&Node::Statement(s)).copied());
        let Some(claim) = described.and_then(|c| map.claims.get_mut(&c)) else {
            continue;
        };
        let line = format!("<{}>: {}", argument.title, argument.text);
        claim.note = Some(match claim.note.take() {
            Some(note) if !note.is_empty() => format!("{note}\n\n{line}"),
            _ => line,
        });
        descriptions += 1;
    }

    // What a node stands for as the source of a relation, and as its
    // target.
    let source = |node: Node| -> Option<ClaimId> {
        match node {
            Node::Argument(a) if !claims.contains_key(&node) => doc.arguments[a]
                .pcs
                .iter()
                .rev()
                .flatten()
                .find_map(|s| claims.get(&Node::Statement(*s)).copied()),
            _ => claims.get(&node).copied(),
        }
    };
    let mut approximations = 0;
    let mut self_relations = 0;
    let mut seen: std::collections::HashSet<(ClaimId, Target, LinkKind)> =
        std::collections::HashSet::new();
    let mut pending_undercuts: Vec<(ClaimId, Node)> = Vec::new();
    // Links drawn from an argument kept as a claim: its weight is theirs.
    let mut argument_links: Vec<(usize, LinkId)> = Vec::new();
    for &(from, to, relation) in &doc.relations {
        // A folded argument's one attack or undercut is its link.
        if let Node::Argument(a) = from
            && let Some(premises) = folded_arguments.remove(&a)
        {
            let target = match (to, relation) {
                (Node::Argument(t), Relation::Undercut | Relation::Attack)
                    if final_link.contains_key(&t) =>
                {
                    Some(Target::Link(final_link[&t]))
                }
                (_, Relation::Attack | Relation::Contradiction | Relation::Undercut) => {
                    claims.get(&to).map(|&c| Target::Claim(c))
                }
                _ => None,
            };
            if let Some(target) = target {
                let id = map.add_link(Link::new(LinkKind::Attack, premises, target));
                final_link.insert(a, id);
                continue;
            }
            folded_arguments.insert(a, premises);
        }
        let Some(from_claim) = source(from) else {
            continue;
        };
        let (kind, target) = match (relation, to) {
            (Relation::Undercut, Node::Argument(t)) => {
                if let Some(&link) = final_link.get(&t) {
                    (LinkKind::Attack, Target::Link(link))
                } else {
                    // An argument kept as a claim: undercut what it argues for.
                    pending_undercuts.push((from_claim, to));
                    continue;
                }
            }
            (Relation::Undercut, Node::Statement(_)) => {
                approximations += 1;
                match claims.get(&to) {
                    Some(&c) => (LinkKind::Attack, Target::Claim(c)),
                    None => continue,
                }
            }
            (Relation::Support | Relation::Attack | Relation::Contradiction, _) => {
                let kind = if relation == Relation::Support {
                    LinkKind::Support
                } else {
                    LinkKind::Attack
                };
                match to {
                    Node::Argument(_) if !claims.contains_key(&to) => {
                        // A relation into a reconstructed argument.
                        // Argdown's attack (`-`) on an argument is not an
                        // undercut (`_`): it is read as aimed at what the
                        // argument argues for, its conclusion.
                        match source(to) {
                            Some(c) => {
                                approximations += 1;
                                (kind, Target::Claim(c))
                            }
                            None => continue,
                        }
                    }
                    _ => match claims.get(&to) {
                        Some(&c) => (kind, Target::Claim(c)),
                        None => continue,
                    },
                }
            }
        };
        if target == Target::Claim(from_claim) {
            // An argument's relation to its own conclusion says nothing new.
            if !matches!(from, Node::Argument(_)) {
                self_relations += 1;
            }
            continue;
        }
        if seen.insert((from_claim, target, kind)) {
            let id = map.add_link(Link::new(kind, vec![from_claim], target));
            if let Node::Argument(a) = from {
                argument_links.push((a, id));
            }
        }
        if relation == Relation::Contradiction
            && let Target::Claim(t) = target
            && seen.insert((t, Target::Claim(from_claim), LinkKind::Attack))
        {
            map.add_link(Link::new(
                LinkKind::Attack,
                vec![t],
                Target::Claim(from_claim),
            ));
        }
    }
    for (from_claim, to) in pending_undercuts {
        let Some(&arg_claim) = claims.get(&to) else {
            continue;
        };
        let outgoing: Vec<LinkId> = map
            .links
            .iter()
            .filter(|(_, l)| l.premises == [arg_claim])
            .map(|(&id, _)| id)
            .collect();
        let target = if let [only] = outgoing[..] {
            Target::Link(only)
        } else {
            approximations += 1;
            Target::Claim(arg_claim)
        };
        if seen.insert((from_claim, target, LinkKind::Attack)) {
            map.add_link(Link::new(LinkKind::Attack, vec![from_claim], target));
        }
    }
    // A stand-in conclusion with nothing to attack leaves its block unread.
    incomplete += folded_arguments.len();

    for (&a, &link) in &final_link {
        argument_links.push((a, link));
    }
    let data = apply_data(doc, &claims, &argument_links, &mut map);

    let extra: usize = doc.statements.iter().map(|s| s.formulations).sum();
    let counted = [
        (
            prose,
            "untitled paragraphs outside any relation kept as note cards (Argdown leaves them off its map)",
        ),
        (
            approximations,
            "relations aimed at a reconstructed argument were read as aimed at its conclusion, and undercuts of a statement as attacks on it",
        ),
        (
            descriptions,
            "descriptions of reconstructed arguments kept as the note of their conclusion",
        ),
        (
            doc.stray_relations,
            "relation lines with no statement or argument above them left out",
        ),
        (
            incomplete,
            "premise–conclusion blocks without premises or a conclusion were only partly read",
        ),
        (
            self_relations,
            "relations of a statement to itself left out",
        ),
        (
            extra,
            "earlier formulations of statements with the same title left out: the last is kept, as Argdown keeps it",
        ),
        (
            data.unread,
            "inline data entries ({key: value}) Argmap has no place for left out (it reads weight on arguments, standard on statements)",
        ),
        (
            data.invalid,
            "weights or standards in inline data that are not valid left out (a weight is above 0 and at most 1; a standard is preponderance, clear-and-convincing or beyond-reasonable-doubt)",
        ),
        (
            doc.headings,
            "headings kept as tags on the statements under them",
        ),
    ];
    report.extend(
        counted
            .into_iter()
            .filter(|&(count, _)| count > 0)
            .map(|(count, what)| format!("{count} {what}")),
    );
    map.thesis = thesis.or_else(|| crate::model::reading::main_conclusion(&map));
    Imported {
        map,
        report,
        positioned: false,
    }
}

/// What inline data said that Argmap could not use.
struct DataLeftOut {
    /// Entries under keys Argmap does not read there.
    unread: usize,
    /// Weights and standards with values that are not valid.
    invalid: usize,
}

/// The inline data Argmap reads: a statement's `standard` (its proof
/// standard), an argument's `weight` (the weight of the links it stands
/// for: its inference, or the relations of an argument kept as a claim).
fn apply_data(
    doc: &Document,
    claims: &HashMap<Node, ClaimId>,
    argument_links: &[(usize, LinkId)],
    map: &mut Map,
) -> DataLeftOut {
    let mut left_out = DataLeftOut {
        unread: 0,
        invalid: 0,
    };
    let statements = doc
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| (Node::Statement(i), &s.data));
    let arguments = doc
        .arguments
        .iter()
        .enumerate()
        .map(|(i, a)| (Node::Argument(i), &a.data));
    for (node, data) in statements.chain(arguments) {
        for (key, value) in data {
            match (key.as_str(), node) {
                ("standard", _) if claims.contains_key(&node) => {
                    match (Standard::from_name(value), claims.get(&node)) {
                        (Some(standard), Some(id)) => {
                            if let Some(claim) = map.claims.get_mut(id) {
                                claim.standard = Some(standard);
                            }
                        }
                        _ => left_out.invalid += 1,
                    }
                }
                ("title" | "note" | "text" | "source" | "tags", Node::Statement(_)) => {
                    let Some(claim) = claims.get(&node).and_then(|id| map.claims.get_mut(id))
                    else {
                        left_out.unread += 1;
                        continue;
                    };
                    if !claim_data(claim, key, value) {
                        left_out.invalid += 1;
                    }
                }
                ("weight", Node::Argument(a)) => {
                    let Some(weight) = value.trim().parse::<f64>().ok().and_then(Weight::new)
                    else {
                        left_out.invalid += 1;
                        continue;
                    };
                    for &(_, link) in argument_links.iter().filter(|&&(from, _)| from == a) {
                        if let Some(link) = map.links.get_mut(&link) {
                            link.weight = weight;
                        }
                    }
                }
                _ => left_out.unread += 1,
            }
        }
    }
    left_out
}

/// Sets the field of `claim` that the statement data `key` carries (see
/// the writer's `statement_data`); whether `value` was one it could read.
fn claim_data(claim: &mut Claim, key: &str, value: &str) -> bool {
    match key {
        "title" => claim.title = Some(value.to_owned()),
        "note" => claim.note = Some(value.to_owned()),
        "text" => value.clone_into(&mut claim.text),
        "tags" => {
            let Some(inside) = value
                .trim()
                .strip_prefix('[')
                .and_then(|v| v.strip_suffix(']'))
            else {
                return false;
            };
            claim.tags = super::inline::flow_items(inside);
        }
        "source" => {
            let Some(citation) = citation_of(value) else {
                return false;
            };
            claim.source = Some(citation);
        }
        _ => return false,
    }
    true
}

/// A citation written as a flow mapping: `{doc: "report", para: 4, to: 5,
/// quote: {start: 0, end: 9, check: "…", ends_in: 5}}`.
fn citation_of(value: &str) -> Option<crate::model::Citation> {
    let inside = |v: &str| {
        v.trim()
            .strip_prefix('{')
            .and_then(|v| v.strip_suffix('}'))
            .map(str::to_owned)
    };
    let mut citation = crate::model::Citation::default();
    for (key, value) in super::inline::flow_pairs(&inside(value)?) {
        match key.as_str() {
            "doc" => citation.doc = value,
            "para" => citation.para = Some(value.trim().parse().ok()?),
            "to" => citation.to = Some(value.trim().parse().ok()?),
            "quote" => {
                let mut quote = crate::model::Quote::default();
                for (key, value) in super::inline::flow_pairs(&inside(&value)?) {
                    match key.as_str() {
                        "start" => quote.start = value.trim().parse().ok()?,
                        "end" => quote.end = value.trim().parse().ok()?,
                        "check" => quote.check = value,
                        "ends_in" => quote.ends_in = Some(value.trim().parse().ok()?),
                        _ => return None,
                    }
                }
                citation.quote = Some(quote);
            }
            _ => return None,
        }
    }
    (!citation.doc.is_empty()).then_some(citation)
}

fn final_conclusion(argument: &Argument) -> Option<usize> {
    let last_inference = argument.pcs.iter().rposition(Option::is_none)?;
    argument.pcs[last_inference + 1..]
        .iter()
        .flatten()
        .next()
        .copied()
}

/// A claim from text and Argdown tags; the tags `thesis`, `evidence`,
/// `note`, `accepted` and `rejected` set what Argmap shows and judges
/// instead of staying tags.
fn claim_with_tags(text: String, tags: &[String]) -> (Claim, bool) {
    let mut claim = Claim::new(text, Pos::default());
    let mut thesis = false;
    for tag in tags {
        match tag.as_str() {
            THESIS_TAG => thesis = true,
            "evidence" => claim.kind = ClaimKind::Evidence,
            "note" => claim.kind = ClaimKind::Note,
            ACCEPTED_TAG => claim.assessment = Some(Assessment::Accepted),
            REJECTED_TAG => claim.assessment = Some(Assessment::Rejected),
            _ => claim.tags.push(tag.clone()),
        }
    }
    (claim, thesis)
}
