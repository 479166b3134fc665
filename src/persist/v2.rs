//! Formats 1 and 2: the whole graph as one bincode DTO after the header.
//!
//! This build still reads them (and writes format 2 only where a test freezes
//! it); the first write of such a store migrates it to format 3.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{HEDGED, NEGATED, PersistError, config, pack_date, pos, unpack_date};
use crate::graph::{EvidenceFacts, GraphBuilder, KnowledgeGraph, Tables};
use crate::model::{Actor, ActorId, ActorKind, ArticleId, Relation, Role, Span};
/// Strings borrow from the graph when saving and from the file's bytes when
/// loading: no copy in between.
type Text<'a> = Cow<'a, str>;

#[derive(Serialize, Deserialize)]
pub(super) struct GraphFileV1<'a> {
    #[serde(borrow)]
    relations: Vec<Text<'a>>,
    #[serde(borrow)]
    kinds: Vec<Text<'a>>,
    #[serde(borrow)]
    actors: Vec<ActorDto<'a>>,
    #[serde(borrow)]
    articles: Vec<ArticleDto<'a>>,
    #[serde(borrow)]
    sentences: Vec<SentenceDto<'a>>,
    pub(super) edges: Vec<EdgeDto>,
    evidence: Vec<EvidenceDto>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct GraphFileV2<'a> {
    #[serde(borrow)]
    pub(super) v1: GraphFileV1<'a>,
    #[serde(borrow)]
    article_info: Vec<ArticleInfoDto<'a>>,
    #[serde(borrow)]
    roles: Vec<Text<'a>>,
    pub(super) evidence_roles: Vec<u32>,
}

#[derive(Serialize, Deserialize)]
struct ArticleInfoDto<'a> {
    date: u32,
    #[serde(borrow)]
    lang: Option<Text<'a>>,
    version: u64,
}

#[derive(Serialize, Deserialize)]
struct ActorDto<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    kind: u32,
    #[serde(borrow)]
    country: Option<Text<'a>>,
    #[serde(borrow)]
    name: Text<'a>,
}

#[derive(Serialize, Deserialize)]
struct ArticleDto<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    title: Option<Text<'a>>,
    #[serde(borrow)]
    url: Option<Text<'a>>,
}

#[derive(Serialize, Deserialize)]
struct SentenceDto<'a> {
    article: u32,
    sentence: u32,
    #[serde(borrow)]
    text: Text<'a>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct EdgeDto {
    source: u32,
    relation: u32,
    target: u32,
    pub(super) evidence: u32,
}

#[derive(Serialize, Deserialize)]
struct EvidenceDto {
    article: u32,
    sentence: u32,
    start: u32,
    len: u32,
    date: u32,
    flags: u8,
    attributed_to: Vec<u32>,
}

pub(super) fn to_dto<'g>(t: &'g Tables<'g>) -> GraphFileV2<'g> {
    GraphFileV2 {
        v1: to_dto_v1(t),
        article_info: t
            .articles
            .iter()
            .map(|a| ArticleInfoDto {
                date: pack_date(a.date),
                lang: a.lang.map(Cow::Borrowed),
                version: a.version,
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| Cow::Borrowed(r.as_str()))
            .collect(),
        evidence_roles: t
            .evidence
            .iter()
            .map(|e| {
                e.role.map_or(0, |r| {
                    1 + pos(Role::ALL
                        .iter()
                        .position(|x| *x == r)
                        .expect("every role is in Role::ALL"))
                })
            })
            .collect(),
    }
}

pub(super) fn to_dto_v1<'g>(t: &'g Tables<'g>) -> GraphFileV1<'g> {
    let kind_pos = |k: ActorKind| {
        pos(ActorKind::ALL
            .iter()
            .position(|x| *x == k)
            .expect("every kind is in ActorKind::ALL"))
    };
    let relation_pos = |r: Relation| {
        pos(Relation::ALL
            .iter()
            .position(|x| *x == r)
            .expect("every relation is in Relation::ALL"))
    };
    let mut actors: Vec<ActorDto<'g>> = t
        .actors
        .iter()
        .map(|a| ActorDto {
            id: Cow::Borrowed(a.id.as_str()),
            kind: kind_pos(a.kind),
            country: a.country.as_ref().map(|c| Cow::Borrowed(c.as_str())),
            name: Cow::Borrowed(&a.name),
        })
        .collect();
    // Attributions may name actors that are no node of the graph: they are
    // appended to the actor table with kind u32::MAX and load as ids only.
    let mut attributed: HashMap<&ActorId, u32> = HashMap::new();
    let mut evidence = Vec::with_capacity(t.evidence.len());
    for ev in &t.evidence {
        let mut attributed_to = Vec::with_capacity(ev.attributed_to.len());
        for a in ev.attributed_to {
            let p = *attributed.entry(a).or_insert_with(|| {
                match t.actors.binary_search_by(|x| x.id.cmp(a)) {
                    Ok(p) => pos(p),
                    Err(_) => {
                        actors.push(ActorDto {
                            id: Cow::Borrowed(a.as_str()),
                            kind: u32::MAX,
                            country: None,
                            name: Cow::Borrowed(""),
                        });
                        pos(actors.len() - 1)
                    }
                }
            });
            attributed_to.push(p);
        }
        evidence.push(EvidenceDto {
            article: ev.article,
            sentence: ev.sentence,
            start: ev.span.start,
            len: ev.span.end - ev.span.start,
            date: pack_date(ev.date),
            flags: (u8::from(ev.negated) * NEGATED) | (u8::from(ev.hedged) * HEDGED),
            attributed_to,
        });
    }
    GraphFileV1 {
        relations: Relation::ALL
            .iter()
            .map(|r| Cow::Borrowed(r.as_str()))
            .collect(),
        kinds: ActorKind::ALL
            .iter()
            .map(|k| Cow::Borrowed(k.as_str()))
            .collect(),
        actors,
        articles: t
            .articles
            .iter()
            .map(|a| ArticleDto {
                id: Cow::Borrowed(a.id.0.as_str()),
                title: a.title.map(Cow::Borrowed),
                url: a.url.map(Cow::Borrowed),
            })
            .collect(),
        sentences: t
            .sentences
            .iter()
            .map(|s| SentenceDto {
                article: s.article,
                sentence: s.sentence,
                text: Cow::Borrowed(s.text),
            })
            .collect(),
        edges: t
            .edges
            .iter()
            .map(|e| EdgeDto {
                source: e.source,
                relation: relation_pos(e.relation),
                target: e.target,
                evidence: pos(e.evidence.len()),
            })
            .collect(),
        evidence,
    }
}

pub(super) fn from_dto(dto: GraphFileV2<'_>, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let corrupt = |reason: String| PersistError::Corrupt {
        path: path.to_owned(),
        reason,
    };
    let GraphFileV2 {
        v1: dto,
        article_info,
        roles: role_names,
        evidence_roles,
    } = dto;
    let role_table = role_names
        .iter()
        .map(|r| r.parse::<Role>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(format!("{e}; a newer diplograph may know it")))?;
    if !evidence_roles.is_empty() && evidence_roles.len() != dto.evidence.len() {
        return Err(corrupt("evidence roles do not match the evidence".into()));
    }
    if !article_info.is_empty() && article_info.len() != dto.articles.len() {
        return Err(corrupt("article info does not match the articles".into()));
    }
    let mut roles = evidence_roles.into_iter();
    let relations = dto
        .relations
        .iter()
        .map(|r| r.parse::<Relation>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(format!("{e}; a newer diplograph may know it")))?;
    let kinds = dto
        .kinds
        .iter()
        .map(|k| k.parse::<ActorKind>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(e.to_string()))?;
    let mut b = GraphBuilder::with_capacity(
        dto.actors.len(),
        dto.articles.len(),
        dto.sentences.len(),
        dto.edges.len(),
    );
    // File position -> (id, builder position when the row is a node).
    let mut ids: Vec<(ActorId, Option<u32>)> = Vec::with_capacity(dto.actors.len());
    for a in dto.actors {
        let id = ActorId::try_from(a.id.into_owned()).map_err(|e| corrupt(e.to_string()))?;
        let node = if a.kind == u32::MAX {
            None
        } else {
            let kind = *kinds
                .get(a.kind as usize)
                .ok_or_else(|| corrupt(format!("actor kind {} out of range", a.kind)))?;
            let country = a
                .country
                .map(|c| ActorId::try_from(c.into_owned()))
                .transpose()
                .map_err(|e| corrupt(e.to_string()))?;
            Some(b.actor(Actor {
                id: id.clone(),
                kind,
                country,
                name: a.name.into_owned(),
            }))
        };
        ids.push((id, node));
    }
    for a in dto.articles {
        b.article(
            &ArticleId(a.id.into_owned()),
            a.title.as_deref(),
            a.url.as_deref(),
        );
    }
    for (i, info) in article_info.into_iter().enumerate() {
        let date = unpack_date(info.date).map_err(|e| corrupt(e.to_string()))?;
        b.article_info(pos(i), date, info.lang.as_deref(), info.version)
            .map_err(|e| corrupt(e.to_string()))?;
    }
    for s in dto.sentences {
        b.sentence(s.article, s.sentence, &s.text)
            .map_err(|e| corrupt(e.to_string()))?;
    }
    let node = |i: u32| {
        ids.get(i as usize)
            .and_then(|(_, n)| *n)
            .ok_or_else(|| corrupt(format!("edge end {i} is no actor")))
    };
    let mut records = dto.evidence.into_iter();
    for e in dto.edges {
        let relation = *relations
            .get(e.relation as usize)
            .ok_or_else(|| corrupt(format!("relation {} out of range", e.relation)))?;
        let (source, target) = (node(e.source)?, node(e.target)?);
        // The count comes from the file: never reserve more than the records left.
        let mut evidence = Vec::with_capacity((e.evidence as usize).min(records.len()));
        for _ in 0..e.evidence {
            let ev = records
                .next()
                .ok_or_else(|| corrupt("edges claim more evidence than stored".into()))?;
            let date = unpack_date(ev.date).map_err(|e| corrupt(e.to_string()))?;
            let role = match roles.next() {
                None | Some(0) => None,
                Some(r) => Some(
                    *role_table
                        .get(r as usize - 1)
                        .ok_or_else(|| corrupt(format!("role {r} out of range")))?,
                ),
            };
            let end = ev
                .start
                .checked_add(ev.len)
                .ok_or_else(|| corrupt("span past 4 GiB".into()))?;
            let attributed_to = ev
                .attributed_to
                .iter()
                .map(|&i| {
                    ids.get(i as usize)
                        .map(|(id, _)| id.clone())
                        .ok_or_else(|| corrupt(format!("actor {i} out of range")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            evidence.push((
                ev.article,
                EvidenceFacts {
                    sentence: ev.sentence,
                    span: Span {
                        start: ev.start,
                        end,
                    },
                    date,
                    negated: ev.flags & NEGATED != 0,
                    hedged: ev.flags & HEDGED != 0,
                    attributed_to,
                    role,
                },
            ));
        }
        b.edge(source, relation, target, evidence)
            .map_err(|e| corrupt(e.to_string()))?;
    }
    if records.next().is_some() {
        return Err(corrupt("evidence records belong to no edge".into()));
    }
    Ok(b.finish())
}

/// Decodes the payload of a format 1 or 2 file (header checked by the caller).
pub(super) fn decode_payload(
    payload: &[u8],
    version: u32,
    path: &Path,
) -> Result<KnowledgeGraph, PersistError> {
    // The decoder's own words ("InvalidIntegerType { expected: Usize, found: U64 }")
    // mean nothing to a user: every decode failure is the same corruption.
    let undecodable = |_| PersistError::Corrupt {
        path: path.to_owned(),
        reason: "cannot decode the graph".into(),
    };
    let (dto, read): (GraphFileV2<'_>, usize) = if version == 1 {
        let (v1, read): (GraphFileV1<'_>, usize) =
            bincode::serde::borrow_decode_from_slice(payload, config()).map_err(undecodable)?;
        let v2 = GraphFileV2 {
            v1,
            article_info: Vec::new(),
            roles: Vec::new(),
            evidence_roles: Vec::new(),
        };
        (v2, read)
    } else {
        bincode::serde::borrow_decode_from_slice(payload, config()).map_err(undecodable)?
    };
    if read != payload.len() {
        return Err(PersistError::Corrupt {
            path: path.to_owned(),
            reason: format!("{} undecoded payload bytes", payload.len() - read),
        });
    }
    from_dto(dto, path)
}

/// The payload of a format 2 file.
pub(super) fn encode_payload(graph: &KnowledgeGraph) -> Vec<u8> {
    let tables = graph.tables();
    let dto = to_dto(&tables);
    // One pass into a Vec sized from the tables (`encode_to_vec` makes two).
    let text: usize = tables.sentences.iter().map(|s| s.text.len()).sum();
    let mut payload = Vec::with_capacity(text + 24 * tables.evidence.len() + 4096);
    bincode::serde::encode_into_std_write(&dto, &mut payload, config())
        .expect("encoding into a Vec cannot fail");
    payload
}
