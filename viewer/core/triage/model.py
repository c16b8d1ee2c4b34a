"""What triage takes and gives: its options, articles, links, stories, errors and result.

Also `Entry`, the record of one article while a run works on it (shared by
`reading`, `stories` and `folder`; never part of a result).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats.loaders import MAX_BYTES
from ..reuse.verbatim import ReuseOptions, WordKeys
from ..text.article import Article
from ..text.wireform import TextEvidence
from .nearcopies import CandidateOptions
from .topics import TopicOptions

__all__ = ["TriageOptions", "TriageArticle", "TriageLink", "Story", "TriageError",
           "TriageResult", "Entry"]


@dataclass(frozen=True)
class TriageOptions:
    """Tuning of a triage run (the defaults are what the bench measures)."""

    candidates: CandidateOptions = CandidateOptions()
    topics: TopicOptions = TopicOptions()
    reuse: ReuseOptions = ReuseOptions()
    story_min_share: float = 0.03
    story_min_words: int = 12
    story_min_shingles: int = 10
    story_min_containment: float = 0.08
    story_copy_any_day_share: float = 0.5  # a copy pair days apart joins only at this share
    source_min_words: int = 8
    all_pairs_max: int = 64
    source_min_score: float = 0.6
    source_pairs_derived: bool = True  # a source's own pair reading must not be independent
    max_sources: int = 8
    # Whether a story that only rewrote the wire copy the article also draws on stays among its
    # links (`sources._beside_the_wire`); the reading takes it either way.
    source_siblings: bool = False
    time_tolerance: float = 60.0
    max_files: int = 50_000
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class TriageArticle:
    """One readable file: `modified` is its modification time (None if unknown)."""

    id: str
    path: str | None
    title: str
    words: int
    modified: float | None = None


@dataclass(frozen=True)
class TriageLink:
    """`derived` was most likely written from `source`.

    `verbatim`: share of the derived article's words found verbatim in the
    source; `label`: the derivation label of the pair; `basis`: the rule that
    set the direction ("time", "reuse", "coverage", "length", "order");
    `spin`: the pair's spin score when the reuse analysis gives one.
    """

    source: str
    derived: str
    label: str
    verbatim: float
    similarity: float
    basis: str
    spin: float | None = None


@dataclass(frozen=True)
class Story:
    """Articles about the same event (ids in triage order) and their source links."""

    id: str
    articles: tuple[str, ...]
    links: tuple[TriageLink, ...] = ()

    @property
    def derived_count(self) -> int:
        """How many of the story's articles are linked to a source."""
        return len({link.derived for link in self.links})


@dataclass(frozen=True)
class TriageError:
    """A file (or folder) that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class TriageResult:
    """Everything a triage run found; `pairs_analysed` counts full reuse analyses."""

    articles: tuple[TriageArticle, ...]
    stories: tuple[Story, ...]
    errors: tuple[TriageError, ...] = ()
    pairs_analysed: int = 0
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)

    def article(self, article_id: str) -> TriageArticle:
        """The article with this id."""
        if not self._by_id:
            self._by_id.update({a.id: a for a in self.articles})
        return self._by_id[article_id]

    def story_of(self, article_id: str) -> Story:
        """The story holding this article."""
        return next(s for s in self.stories if article_id in s.articles)


@dataclass
class Entry:
    """One article as a run works on it: its result record, text, word keys and evidence."""

    meta: TriageArticle
    text: str
    encoding: str | None
    keys: WordKeys
    article: Article | None = None  # kept only when the caller gave Articles
    evidence: TextEvidence = TextEvidence()  # wire-form marks and stated time of the text

    def spec(self):
        """What rebuilds `as_article()` in a worker process: its constructor arguments
        (an Article's tokens are always `tokenize(text)`, rebuilt there faster than
        pickled), or the given article itself if it is of a subclass."""
        if self.article is not None and type(self.article) is not Article:
            return self.article
        return self.meta.id, self.meta.title, self.text, self.meta.path, self.encoding

    def as_article(self) -> Article:
        """The article itself: the one given, or one built from the text read."""
        return self.article or Article(self.meta.id, self.meta.title, self.text, self.meta.path,
                                       self.encoding)
