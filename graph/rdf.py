"""The stakeholder graph as linked data: W3C ORG, FOAF, schema.org, SKOS, PROV-O and TOOI links.

Analysts publish the graph, join it with other linked data or load it into a triple store, so the
mapping uses the vocabularies those platforms already speak and a small `sg:` namespace only
where none fits (see the README table). One generator maps the model to triples; the rdflib path
(`to_rdflib`, `serialize`) and the streaming path (`graph.rdf_stream`) both consume it, so they
cannot drift apart. Terms are pyoxigraph nodes because creating them is cheap and the IRI
validation is done in Rust: an IRI that could break out of `<...>` is refused, never written.

IRIs are minted from the stable ids under a base (`--base`): `entity/<id>`, `document/<id>`,
`role/<role>`, and `relation/`, `evidence/`, `comention/` + a hash of the fact's key, every
segment percent-encoded. The same input gives the same IRIs in every store and on every run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode

from .merge import merge_co_mentions, merge_entities, merge_relations
from .model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .names import name_key

if TYPE_CHECKING:
    import rdflib

RDF_FORMATS: tuple[str, ...] = ("turtle", "jsonld", "ntriples", "trig")
DEFAULT_BASE = "https://stakegraph.example.org/id/"  # a placeholder: publish with --base <your namespace>
VOCAB = "https://stakegraph.example.org/vocab#"  # the sg: terms; declared in shapes/stakegraph.shacl.ttl
TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "tooiont": "https://identifier.overheid.nl/tooi/def/ont/",
    "sg": VOCAB,
}

Term = NamedNode | Literal
Triple3 = tuple[NamedNode, NamedNode, Term]
Quad4 = tuple[NamedNode, NamedNode, Term, NamedNode | None]  # graph None: the default graph


class _Namespace:
    """`ns.name` -> NamedNode, created once: predicates are reused millions of times when streaming."""

    def __init__(self, iri: str) -> None:
        self._iri = iri

    def __getattr__(self, local: str) -> NamedNode:
        node = NamedNode(self._iri + local)
        setattr(self, local, node)
        return node


RDF, RDFS, XSD, OWL, ORG, FOAF, SCHEMA, SKOS, PROV, DCT, TOOIONT, SG = (
    _Namespace(PREFIXES[p])
    for p in ("rdf", "rdfs", "xsd", "owl", "org", "foaf", "schema", "skos", "prov", "dcterms", "tooiont",
              "sg")
)
A = RDF.type

ENTITY_CLASSES: dict[str, tuple[NamedNode, ...]] = {
    "Person": (FOAF.Person, SCHEMA.Person),
    "Municipality": (ORG.Organization, TOOIONT.Gemeente, SCHEMA.AdministrativeArea),
    "Province": (ORG.Organization, TOOIONT.Provincie, SCHEMA.AdministrativeArea),
    "Region": (SG.Region, SCHEMA.Place),
    "Organization": (ORG.Organization, SCHEMA.Organization),
    "Initiative": (SG.Initiative, SCHEMA.Project),
}
MEMBERSHIPS = frozenset({"HOLDS_POSITION", "MEMBER_OF"})  # an org:Membership node each
STATEMENT_PREDICATES: dict[str, NamedNode] = {  # a direct triple plus an rdf:Statement carrying provenance
    "COLLABORATES_WITH": SG.collaboratesWith,
    "PARTICIPATES_IN": SG.participatesIn,
    "LOCATED_IN": SCHEMA.location,
}
# Roles that make a current position org:headOf the organisation (chairs, mayors, the King's commissioner).
HEAD_ROLES = frozenset({"voorzitter", "burgemeester", "commissaris van de koning", "dijkgraaf",
                        "chair", "chairman", "chairwoman", "chairperson", "president"})

_QID = re.compile(r"^Q[1-9][0-9]*$")
_GM = re.compile(r"^GM[0-9]{4}$")
_PV = re.compile(r"^PV[0-9]{2}$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class GraphView(Protocol):
    """What the mapping reads; `KnowledgeGraph` is one (merged, curated view plus per-document facts)."""

    @property
    def facts(self) -> list[DocumentFacts]: ...
    def documents(self) -> list[Document]: ...
    def entities(self) -> list[Entity]: ...
    def relations(self) -> list[Relation]: ...
    def co_mentions(self) -> list[CoMention]: ...


class RdfError(ValueError):
    """An RDF file cannot be read or an export option is unusable; the message is one line."""


# -- reference data -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Reference:
    """Official identifiers the entities may lack: Wikidata Q-ids and each municipality's province."""

    municipality_wikidata: dict[str, str] = field(default_factory=dict)  # GM0546 -> Q…
    municipality_province: dict[str, str] = field(default_factory=dict)  # GM0546 -> PV28
    province_wikidata: dict[str, str] = field(default_factory=dict)  # PV28 -> Q…
    province_codes: dict[str, str] = field(default_factory=dict)  # name_key(name or code) -> PV28

    def province_code(self, value: Any) -> str | None:
        """A province code from a code ("PV28") or a Dutch or English name ("Zuid-Holland")."""
        if not isinstance(value, str):
            return None
        code = value.strip().upper()
        return code if _PV.match(code) else self.province_codes.get(name_key(value))

    @classmethod
    def from_csv(cls, municipalities: str, provinces: str) -> Reference:
        """Build from the texts of municipalities.csv (cbs_code,name,province,wikidata) and provinces.csv."""
        return cls.from_rows(csv.DictReader(io.StringIO(municipalities)),
                             csv.DictReader(io.StringIO(provinces)))

    @classmethod
    def from_rows(cls, municipalities: Iterable[Mapping[str, str]],
                  provinces: Iterable[Mapping[str, str]]) -> Reference:
        """Build from rows of municipalities.csv and provinces.csv (`loaders.reference.read_table`)."""
        prov_rows = list(provinces)
        codes: dict[str, str] = {}
        for row in prov_rows:
            code = (row.get("code") or "").strip().upper()
            if _PV.match(code):
                for key in (row.get("name"), row.get("english_name"), code):
                    if key:
                        codes.setdefault(name_key(key), code)
        ref = cls(province_codes=codes)
        for row in prov_rows:
            code, qid = (row.get("code") or "").strip().upper(), (row.get("wikidata") or "").strip()
            if _PV.match(code) and _QID.match(qid):
                ref.province_wikidata[code] = qid
        for row in municipalities:
            code, qid = (row.get("cbs_code") or "").strip().upper(), (row.get("wikidata") or "").strip()
            if not _GM.match(code):
                continue
            if _QID.match(qid):
                ref.municipality_wikidata[code] = qid
            province = ref.province_code(row.get("province"))
            if province:
                ref.municipality_province[code] = province
        return ref




@lru_cache(maxsize=1)
def default_reference() -> Reference:
    """The reference tables shipped with stakegraph, read by the project's one loader
    (`loaders.reference.read_table`). A missing table raises `ReferenceDataError`: an export that
    silently lost every TOOI province and Wikidata link would look fine and be wrong."""
    from ..loaders.reference import read_table  # loaders sit above graph: imported when needed

    return Reference.from_rows(read_table("municipalities.csv"), read_table("provinces.csv"))


# -- terms ---------------------------------------------------------------------------------------
def segment(text: str) -> str:
    """One percent-encoded IRI path segment: injective, ASCII, and never a dot segment a resolver
    would collapse. ':' stays readable (`entity/person:anna-de-boer`); it is legal in a path.
    Lone surrogates (undecodable input bytes) are encoded as they are, so ids stay distinct."""
    seg = quote(text, safe=":", errors="surrogatepass")
    return seg.replace(".", "%2E") if seg in (".", "..") else seg


def text(value: str) -> Literal:
    """A string literal; text with lone surrogates (undecodable bytes) is repaired, not refused."""
    try:
        return Literal(value)
    except ValueError:
        return Literal(str(value).encode("utf-8", "replace").decode("utf-8"))


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def decimal(value: float) -> Literal:
    """xsd:decimal in canonical form, so every serialiser writes and re-reads the same lexical value."""
    s = f"{float(value):.4f}".rstrip("0")
    return Literal(s + "0" if s.endswith(".") else s, datatype=XSD.decimal)


def check_base(base: str) -> str:
    """The base namespace of minted IRIs: absolute, ending in '/' or '#'."""
    given, base = base, base.strip()
    if not base.endswith(("/", "#")):
        base += "/"
    try:
        NamedNode(base)
    except ValueError as exc:
        raise RdfError(f"--base '{given}' is not an absolute IRI ({exc})") from None
    if "?" in base:
        raise RdfError(f"--base '{given}' must not contain a query ('?')")
    return base


def _key_hash(*parts: object) -> str:
    data = "\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=10).hexdigest()


# -- the mapping ---------------------------------------------------------------------------------
class RdfMapping:
    """Maps a graph view to triples (merged view) and quads (TriG: plus one named graph per document)."""

    def __init__(self, base: str = DEFAULT_BASE, *, co_mentions: bool = True,
                 reference: Reference | None = None) -> None:
        self.base = check_base(base)
        self.co_mentions = co_mentions
        self.reference = reference if reference is not None else default_reference()
        self._entities: dict[str, NamedNode] = {}

    def prefixes(self) -> dict[str, str]:
        """Vocabulary prefixes plus short ones for the minted IRIs, for readable Turtle and TriG."""
        kinds = ("entity", "document", "role", "relation", "evidence", "comention")
        data = {k: f"{self.base}{k}/" for k in kinds}
        return {**PREFIXES, **data}

    # IRIs
    def entity_iri(self, entity_id: str) -> NamedNode:
        node = self._entities.get(entity_id)
        if node is None:
            node = self._entities[entity_id] = NamedNode(f"{self.base}entity/{segment(entity_id)}")
        return node

    def document_iri(self, document_id: str) -> NamedNode:
        return NamedNode(f"{self.base}document/{segment(document_id)}")

    def role_iri(self, role: str) -> NamedNode:
        return NamedNode(f"{self.base}role/{segment(role)}")

    def relation_iri(self, key: tuple[str, ...]) -> NamedNode:
        return NamedNode(f"{self.base}relation/{_key_hash(*key)}")

    def evidence_iri(self, key: tuple[str, ...], ev: Evidence) -> NamedNode:
        return NamedNode(f"{self.base}evidence/{_key_hash(*key, ev.document, ev.start, ev.end, ev.rule)}")

    def co_mention_iri(self, source: str, target: str) -> NamedNode:
        return NamedNode(f"{self.base}comention/{_key_hash(source, target)}")

    # views
    def triples(self, view: GraphView) -> Iterator[Triple3]:
        """The merged view: every document, entity, relation (with evidence) and co-mention once.
        Read one item at a time where the view streams (`KnowledgeGraph.iter_*`)."""
        yield from self._view(view.documents(), _entities(view), _relations_with_sources(view),
                              _co_mentions(view), None)

    def document_triples(self, facts: DocumentFacts,
                         keep: set[tuple[str, ...]] | None = None,
                         drop: set[tuple[str, str, str, str]] | None = None) -> Iterator[Triple3]:
        """What one document says, as read from it (its own confidences and evidence).

        A fact the document states twice is merged first, as across documents, so each node
        has one confidence. Relations are limited to those in the merged view: `keep` names
        them, or `drop` names the ones left out (so --min-confidence applies alike).
        """
        one = [facts]
        relations = [r for r in merge_relations(one)
                     if (keep is None or r.key in keep) and (drop is None or r.key not in drop)]
        name = facts.document.name
        yield from self._view([facts.document], merge_entities(one), ((r, (name,)) for r in relations),
                              merge_co_mentions(one), name)

    def quads(self, view: GraphView) -> Iterator[Quad4]:
        """The dataset: the merged view in the default graph, then a named graph per document
        (named by the document's IRI). Two files with the same text are one document, one graph."""
        for s, p, o in self.triples(view):
            yield s, p, o, None
        stream = getattr(view, "iter_document_facts", None)
        facts: Iterable[DocumentFacts]
        keep: set[tuple[str, ...]] | None = None
        drop: set[tuple[str, str, str, str]] | None = None
        if stream is not None:  # one document at a time, from a store's view
            facts, drop = stream(), view.weak_relation_keys()  # type: ignore[attr-defined]
        else:
            facts = sorted(view.facts, key=lambda f: f.document.id)
            keep = {r.key for r in view.relations()}
        for doc_id, group in groupby(facts, key=lambda f: f.document.id):
            graph = self.document_iri(doc_id)
            seen: set[Triple3] = set()  # one document's graph is small; an extraction may repeat itself
            for f in group:
                for t in self.document_triples(f, keep, drop):
                    if t not in seen:
                        seen.add(t)
                        yield t[0], t[1], t[2], graph

    def _view(self, documents: Iterable[Document], entities: Iterable[Entity],
              relations: Iterable[tuple[Relation, Iterable[str]]], co_mentions: Iterable[CoMention],
              default_document: str | None) -> Iterator[Triple3]:
        docs = _Documents(self, documents)
        for d in docs.known:
            yield from self._document(d)
        for e in entities:
            yield from self._entity(e, docs, default_document)
            yield from docs.drain()
        roles: set[str] = set()
        shortcuts: set[Triple3] = set()
        for r, sources in relations:
            yield from self._relation(r, docs, sources, roles, shortcuts)
            yield from docs.drain()
        if self.co_mentions:
            for c in co_mentions:
                yield from self._co_mention(c, docs, default_document)
                yield from docs.drain()

    def _document(self, d: Document) -> Iterator[Triple3]:
        s = self.document_iri(d.id)
        yield s, A, PROV.Entity
        yield s, A, SCHEMA.CreativeWork
        yield s, SCHEMA.name, text(d.name)
        yield s, DCT.identifier, text(d.id)
        if d.id.startswith("sha256:"):
            yield s, SCHEMA.sha256, text(d.id[len("sha256:"):])
        if d.title:
            yield s, DCT.title, text(d.title)
        if d.date:
            yield s, DCT.date, Literal(d.date, datatype=XSD.date) if _ISO_DATE.match(d.date) else text(d.date)

    def _entity(self, e: Entity, docs: _Documents, default_document: str | None) -> Iterator[Triple3]:
        s = self.entity_iri(e.id)
        for cls in ENTITY_CLASSES.get(e.type, (SCHEMA.Thing,)):
            yield s, A, cls
        name = text(e.name)
        yield s, DCT.identifier, text(e.id)
        yield s, SCHEMA.name, name
        yield s, SKOS.prefLabel, name
        if e.type == "Person":
            yield s, FOAF.name, name
        for alias in dict.fromkeys(e.aliases):
            if alias != e.name:
                yield s, SKOS.altLabel, text(alias)
        if e.mentions:
            yield s, SG.mentionCount, integer(e.mentions)
        for doc in dict.fromkeys(e.documents or ([default_document] if default_document else [])):
            yield docs.iri(doc), SCHEMA.mentions, s
        yield from self._identifiers(e, s)

    def _identifiers(self, e: Entity, s: NamedNode) -> Iterator[Triple3]:
        """CBS code, TOOI and Wikidata links: from the entity's attributes, else the reference tables."""
        attrs, ref = e.attributes, self.reference
        qid = attrs.get("wikidata")
        if e.type == "Municipality":
            code = _code(attrs.get("cbs_code"), e.id, "gemeente:", _GM)
            if code:
                yield s, SG.cbsCode, text(code)
                yield s, OWL.sameAs, NamedNode(f"{TOOI_ID}gemeente/{code.lower()}")
                qid = qid or ref.municipality_wikidata.get(code)
            province = ref.province_code(attrs.get("province"))
            if province is None and code:
                province = ref.municipality_province.get(code)
            if province:
                yield s, SCHEMA.containedInPlace, NamedNode(f"{TOOI_ID}provincie/{province.lower()}")
        elif e.type == "Province":
            code = _code(attrs.get("code") or attrs.get("cbs_code"), e.id, "provincie:", _PV)
            if code:
                yield s, SG.cbsCode, text(code)
                yield s, OWL.sameAs, NamedNode(f"{TOOI_ID}provincie/{code.lower()}")
                qid = qid or ref.province_wikidata.get(code)
        if isinstance(qid, str) and _QID.match(qid.strip()):
            yield s, OWL.sameAs, NamedNode(WIKIDATA + qid.strip())

    def _relation(self, r: Relation, docs: _Documents, sources: Iterable[str], roles: set[str],
                  shortcuts: set[Triple3]) -> Iterator[Triple3]:
        """The relation node with its provenance, then its role, direct triples and evidence nodes
        (in that order, so streaming Turtle groups each subject's triples)."""
        node = self.relation_iri(r.key)
        src, dst = self.entity_iri(r.source), self.entity_iri(r.target)
        direct: list[Triple3] = []
        role_label: str | None = None
        if r.type in MEMBERSHIPS:
            yield node, A, ORG.Membership
            yield node, ORG.member, src
            yield node, ORG.organization, dst
            if r.type == "HOLDS_POSITION" or r.role:
                role_label = (r.role or r.role_class or "position").strip().lower() or "position"
                yield node, ORG.role, self.role_iri(role_label)
            if r.status != "former":
                direct.append((src, ORG.memberOf, dst))
                head = r.role_class == "chair" or (r.role or "").strip().lower() in HEAD_ROLES
                if r.type == "HOLDS_POSITION" and head:
                    direct.append((src, ORG.headOf, dst))
        else:
            predicate = STATEMENT_PREDICATES.get(r.type, SG.relatedTo)
            direct.append((src, predicate, dst))
            yield node, A, RDF.Statement
            yield node, RDF.subject, src
            yield node, RDF.predicate, predicate
            yield node, RDF.object, dst
            if r.role:
                yield node, SG.role, text(r.role)
        yield node, SG.relationType, text(r.type)
        if r.role_class:
            yield node, SG.roleClass, text(r.role_class)
        if r.status:
            yield node, SG.status, text(r.status)
        yield node, SG.confidence, decimal(r.confidence)
        for doc in dict.fromkeys([*sorted(sources), *(ev.document for ev in r.evidence)]):
            yield node, PROV.wasDerivedFrom, docs.iri(doc)
        evidence = [(self.evidence_iri(r.key, ev), ev) for ev in r.evidence]
        for evnode, _ in evidence:
            yield node, SG.evidence, evnode
        if role_label is not None and role_label not in roles:
            roles.add(role_label)
            role = self.role_iri(role_label)
            yield role, A, ORG.Role
            yield role, SKOS.prefLabel, text(role_label)
        for t in direct:
            if t not in shortcuts:
                shortcuts.add(t)
                yield t
        for evnode, ev in evidence:
            yield evnode, A, SG.Evidence
            yield evnode, PROV.wasQuotedFrom, docs.iri(ev.document)
            yield evnode, PROV.value, text(ev.sentence)
            yield evnode, SG.start, integer(ev.start)
            yield evnode, SG.end, integer(ev.end)
            if ev.rule:
                yield evnode, SG.rule, text(ev.rule)
            yield evnode, SG.confidence, decimal(ev.confidence)

    def _co_mention(self, c: CoMention, docs: _Documents, default_document: str | None) -> Iterator[Triple3]:
        a, b = self.entity_iri(c.source), self.entity_iri(c.target)
        node = self.co_mention_iri(c.source, c.target)
        yield a, SG.coMentionedWith, b
        yield node, A, SG.CoMention
        yield node, SG.between, a
        yield node, SG.between, b
        yield node, SG.weight, integer(c.weight)
        for doc in dict.fromkeys(c.documents or ([default_document] if default_document else [])):
            yield node, PROV.wasDerivedFrom, docs.iri(doc)


def _entities(view: GraphView) -> Iterable[Entity]:
    stream = getattr(view, "iter_entities", None)
    return stream() if stream is not None else view.entities()


def _co_mentions(view: GraphView) -> Iterable[CoMention]:
    stream = getattr(view, "iter_co_mentions", None)
    return stream() if stream is not None else view.co_mentions()


def _relations_with_sources(view: GraphView) -> Iterable[tuple[Relation, Iterable[str]]]:
    """Each relation with the names of the documents that state it (its provenance)."""
    stream = getattr(view, "iter_relations_with_sources", None)
    if stream is not None:
        return stream()
    sources: dict[tuple[str, ...], set[str]] = {}
    for f in view.facts:
        for r in f.relations:
            sources.setdefault(r.key, set()).add(f.document.name)
    return ((r, sources.get(r.key, ())) for r in view.relations())


def _code(value: Any, entity_id: str, id_prefix: str, pattern: re.Pattern[str]) -> str | None:
    """A CBS code from the attribute, else from a stable id like `gemeente:gm0546`."""
    for candidate in (value, entity_id[len(id_prefix):] if entity_id.startswith(id_prefix) else None):
        if isinstance(candidate, str) and pattern.match(candidate.strip().upper()):
            return candidate.strip().upper()
    return None


class _Documents:
    """Document IRIs by file name (evidence names documents by file name). A name no document
    carries still gets a described node, so provenance never points at nothing."""

    def __init__(self, mapping: RdfMapping, documents: Iterable[Document]) -> None:
        self.mapping = mapping
        self.known = sorted(documents, key=lambda d: (d.name, d.path))
        self._iris: dict[str, NamedNode] = {}
        for d in self.known:
            self._iris.setdefault(d.name, mapping.document_iri(d.id))
        self._pending: list[Triple3] = []

    def iri(self, name: str) -> NamedNode:
        node = self._iris.get(name)
        if node is None:
            node = self._iris[name] = self.mapping.document_iri(name)
            self._pending += [(node, A, PROV.Entity), (node, A, SCHEMA.CreativeWork),
                              (node, SCHEMA.name, text(name))]
        return node

    def drain(self) -> Iterator[Triple3]:
        if self._pending:
            pending, self._pending = self._pending, []
            yield from pending


# -- rdflib --------------------------------------------------------------------------------------
_RDFLIB_FORMATS = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "trig": "trig"}
_XSD_STRING = PREFIXES["xsd"] + "string"


class _ToRdflib:
    """pyoxigraph terms -> rdflib terms, keeping the lexical form exactly (no re-normalisation)."""

    def __init__(self) -> None:
        import rdflib

        self.rdflib = rdflib
        self._iris: dict[str, rdflib.URIRef] = {}

    def __call__(self, term: Term) -> Any:
        if isinstance(term, NamedNode):
            node = self._iris.get(term.value)
            if node is None:
                node = self._iris[term.value] = self.rdflib.URIRef(term.value)
            return node
        datatype = term.datatype.value
        if term.language:
            return self.rdflib.Literal(term.value, lang=term.language)
        if datatype == _XSD_STRING:
            return self.rdflib.Literal(term.value)
        return self.rdflib.Literal(term.value, datatype=self(term.datatype), normalize=False)


def to_rdflib(view: GraphView, mapping: RdfMapping | None = None, *, dataset: bool = False) -> rdflib.Graph:
    """The merged view as an rdflib Graph, or with `dataset` an rdflib Dataset including the
    per-document named graphs. Builds everything in memory: for large graphs use rdf_stream."""
    import rdflib

    mapping = mapping or RdfMapping()
    conv = _ToRdflib()
    if dataset:
        ds = rdflib.Dataset()
        _bind(ds, mapping)
        graphs: dict[NamedNode | None, rdflib.Graph] = {None: ds.default_graph}
        for s, p, o, g in mapping.quads(view):
            target = graphs.get(g)
            if target is None and g is not None:
                target = graphs[g] = ds.graph(conv(g))
            assert target is not None  # the default graph is there from the start
            target.add((conv(s), conv(p), conv(o)))
        return ds
    graph = rdflib.Graph()
    _bind(graph, mapping)
    for s, p, o in mapping.triples(view):
        graph.add((conv(s), conv(p), conv(o)))
    return graph


def _bind(graph: rdflib.Graph, mapping: RdfMapping) -> None:
    for prefix, iri in mapping.prefixes().items():
        graph.bind(prefix, iri, override=True, replace=True)


def serialize(view: GraphView, fmt: str, mapping: RdfMapping | None = None) -> bytes:
    """One of RDF_FORMATS through rdflib's serialisers (the in-memory path)."""
    mapping = mapping or RdfMapping()
    return serialize_graph(to_rdflib(view, mapping, dataset=fmt == "trig"), fmt, mapping)


def serialize_graph(graph: rdflib.Graph, fmt: str, mapping: RdfMapping) -> bytes:
    if fmt not in _RDFLIB_FORMATS:
        raise RdfError(f"unknown RDF format '{fmt}' (known: {', '.join(RDF_FORMATS)})")
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=mapping.prefixes(), auto_compact=True,
                               encoding="utf-8")
    return graph.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")


def count_triples(graph: rdflib.Graph) -> int:
    """Triples in a graph; for a dataset, quads: the default graph plus every named graph."""
    import rdflib

    return sum(len(g) for g in graph.graphs()) if isinstance(graph, rdflib.Dataset) else len(graph)


def estimate_triples(view: GraphView) -> int:
    """A cheap upper-ish estimate of the output size, to choose the streaming path automatically.
    From the counts `stats()` gives where the view has them (a store's view: a few indexed counts)."""
    stats = getattr(view, "stats", None)
    if stats is not None:
        s = stats()
        return 9 * s["entities"] + 12 * s["relations"] + 7 * s["evidence"] + 6 * s["co_mentions"]
    relations = view.relations()
    return (9 * len(view.entities()) + 12 * len(relations) + 7 * sum(len(r.evidence) for r in relations)
            + 6 * len(view.co_mentions()))


# -- reading and validating ----------------------------------------------------------------------
_EXTENSIONS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".jsonld": "json-ld",
               ".json": "json-ld", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".rdf": "xml",
               ".xml": "xml", ".owl": "xml", ".n3": "n3"}
_QUAD_FORMATS = {"trig", "nquads"}
READ_FORMATS = ("turtle", "jsonld", "ntriples", "trig", "nquads", "xml", "n3")
SHAPES_FILE = "stakegraph.shacl.ttl"


def rdflib_format(path: str | Path, fmt: str | None = None) -> str:
    """The rdflib parser name for a file: from `fmt` (one of READ_FORMATS) or the file extension."""
    if fmt:
        return {"jsonld": "json-ld", "ntriples": "nt"}.get(fmt, fmt)
    return _EXTENSIONS.get(Path(path).suffix.lower(), "turtle")


def load_rdf(path: str | Path, fmt: str | None = None) -> rdflib.Graph:
    """Parse an RDF file: a Dataset for TriG/N-Quads, else a Graph. Raises RdfError with one line."""
    import rdflib

    parser = rdflib_format(path, fmt)
    graph: rdflib.Graph = rdflib.Dataset() if parser in _QUAD_FORMATS else rdflib.Graph()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RdfError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        graph.parse(data=data, format=parser)
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many unrelated types
        detail = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise RdfError(f"{path} is not readable as {parser}: {detail}") from None
    return graph


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes shipped with the package (and the sg: vocabulary they document)."""
    import rdflib

    data = resources.files(__package__).joinpath("shapes", SHAPES_FILE).read_text(encoding="utf-8")
    return rdflib.Graph().parse(data=data, format="turtle")


@dataclass(frozen=True)
class Violation:
    severity: str  # Violation | Warning | Info
    focus: str
    path: str | None
    message: str
    value: str | None = None
    graph: str | None = None  # the named graph (TriG, N-Quads); None for the default graph

    def __str__(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value and self.value != self.focus else ""
        graph = f" [graph {self.graph}]" if self.graph else ""
        return f"{self.severity.lower()}: {where}: {self.message}{value}{graph}"


@dataclass
class ValidationResult:
    conforms: bool
    triples: int
    violations: list[Violation]


def validate(data: rdflib.Graph) -> ValidationResult:
    """Check a graph against the shipped shapes with pyshacl; a dataset graph by graph, since each
    named graph (one document's facts) must stand on its own and differs from the merged view."""
    import rdflib

    declared = {str(iri): prefix for prefix, iri in data.namespaces() if prefix}
    declared.update({iri: prefix for prefix, iri in PREFIXES.items()})
    names = {prefix: iri for iri, prefix in sorted(declared.items(), key=lambda kv: -len(kv[0]))}
    if isinstance(data, rdflib.Dataset):
        parts = [(None if g.identifier == data.default_graph.identifier else g.identifier, g)
                 for g in data.graphs()]
        parts.sort(key=lambda p: (p[0] is not None, str(p[0] or "")))
    else:
        parts = [(None, data)]
    conforms, violations = True, []
    for name, graph in parts:
        label = None if name is None else _show(name, names)
        ok, found = _validate_one(graph, names, label)
        conforms = conforms and ok
        violations += found
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    violations.sort(key=lambda v: (order.get(v.severity, 3), v.graph or "", v.focus, v.path or "", v.message))
    return ValidationResult(conforms, count_triples(data), violations)


def _validate_one(graph: rdflib.Graph, names: dict[str, str],
                  graph_name: str | None) -> tuple[bool, list[Violation]]:
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    if len(graph) == 0:
        return True, []
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none",
                                           allow_warnings=True, advanced=False)
    found = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        found.append(Violation(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus=_show(report.value(result, SH.focusNode), names) or "?",
            path=_show(report.value(result, SH.resultPath), names),
            message=" ".join(str(report.value(result, SH.resultMessage) or "does not conform").split()),
            value=_show(report.value(result, SH.value), names),
            graph=graph_name,
        ))
    return bool(conforms), found


_MINTED = re.compile(r"^.*/(entity|document|relation|evidence|role|comention)/([^/]+)$")


def _show(term: Any, names: dict[str, str]) -> str | None:
    """A term as a person reads it: a prefixed name where a prefix fits, a short quoted literal.
    (For display only: `entity:gemeente:gm0363` is clearer than rdflib's full IRI fallback.)"""
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        for prefix, iri in names.items():
            if term.startswith(iri) and len(term) > len(iri):
                return f"{prefix}:{term[len(iri):]}"
        minted = _MINTED.match(term)  # under any --base: entity/…, document/…
        return f"{minted[1]}:{minted[2]}" if minted else f"<{term}>"
    if isinstance(term, rdflib.Literal):
        value = str(term)
        return repr(value if len(value) < 80 else value[:77] + "...")
    return "[]"  # a blank node (e.g. a complex path)
