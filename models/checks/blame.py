"""Wording that blames people instead of explaining how the system let an action become an incident.

Each family has its own rule id. Precision matters more than recall: a phrase
in quotes, a negated one ("this was not human error"), or one whose subject is
a system ("the health check failed to detect") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.names import FIRST_NAMES, given_names

_PERSON_WORDS = (
    r"engineers?|developers?|devs?|operators?|admins?|administrators?|interns?|new hires?|contractors?|dbas?"
    r"|sres?|on-?call(?: engineer| person| responder)?|responders?|reviewers?|authors?|managers?"
    r"|release managers?|someone|somebody|he|she|they|i|team|colleagues?|staff|employees?|person|people"
)
PERSON = re.compile(rf"\b(?:{_PERSON_WORDS})\b", re.IGNORECASE)
SYSTEM = re.compile(
    r"\b(?:system|service|services|check|checks|health ?check|alert|alerts|alerting|monitor\w*|script|job|cron"
    r"|pipeline|tool|tooling|deploy(?:er|ment)?|canary|server|host|node|pod|pods|cluster|database|db|cache|queue"
    r"|proxy|load balancer|balancer|api|library|process|config\w*|change|migration|flag|dashboard|runbook|bot"
    r"|scheduler|controller|daemon|agent|worker|workers|storm|dependency|provider|network|disk|automation"
    r"|kubernetes|postgres\w*|mysql|redis|kafka|nginx|terraform|jenkins|github|gitlab|aws|gcp|azure)\b",
    re.IGNORECASE,
)
# A capitalised word; a match only counts when it is a given name (checked in _excused), which keeps
# the patterns small and "Traffic caused…" out.
_NAME = r"[A-Z][a-z]+"
_NEGATION = re.compile(
    r"\b(?:not|no|nobody|never|without|neither|nor|isn't|wasn't|aren't|weren't|rather than|instead of|no one)\b"
    r"|n't\b",
    re.IGNORECASE,
)
_META = re.compile(r"\b(?:term|phrase|word|label|so-called|wording)\b", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|`[^`]*`|(?<!\w)'[^']*'(?!\w)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")

_DESTRUCTIVE = (
    r"caused|broke|deleted|dropped|misconfigured|took down|brought down|messed up|wiped|overwrote"
    r"|corrupted|killed|truncated|destroyed"
)
_ROUTINE = r"pushed|ran|merged|deployed|released|applied|shipped"
_CARELESS_HOW = r"\b(?:bad|wrong|untested|unreviewed|without|instead of|by mistake|by accident|accidentally)\b"
_HUMAN_ACTS = (
    r"follow|notice|escalate|page|check|test|review|read|update|communicate|acknowledge|remove|add"
    r"|renew|verify|tell|inform|wait|ask|document|respond|answer|reply|look|see|watch|monitor|report"
    r"|mention|consult|notify|warn|announce|coordinate|double-check|confirm"
)
# What a person did, as a thing of theirs that can be named as the cause ("her change", "his script").
_ACT_NOUNS = (
    r"changes?|commits?|scripts?|commands?|quer(?:y|ies)|push(?:es)?|deploy(?:ment)?s?|edits?|patch(?:es)?"
    r"|pull requests?|PRs?|merges?|migrations?|rollouts?|releases?|typos?|updates?|upgrades?|actions?"
    r"|decisions?|approvals?|cleanup|clean-up|keystrokes?|clicks?|jobs?|work"
)
_CAUSE = (
    r"caused|broke|deleted|dropped|wiped|overwrote|corrupted|killed|truncated|destroyed|triggered|led to"
    r"|resulted in|set off|started|knocked out|took out|took (?:\w+ ){0,3}?down|brought (?:\w+ ){0,3}?down"
)
_POSSESSOR = rf"(?i:his|her|their|my)|(?i:{_PERSON_WORDS})'s|{_NAME}'s"
_MISTAKE = r"mistakes?|errors?|slips?|blunders?|oversights?|misjudge?ments?|goofs?|screw-?ups?"
# Nouns after "their error…" that make it a thing's property ("their error codes"), not a person's slip.
_COMPOUND = r"(?:messages?|codes?|rates?|logs?|handling|pages?|budgets?|counts?|responses?|paths?|spikes?)\b"
# What a person can be taken off as a penalty (after "removed from", "taken off").
_DUTY = (
    r"(?:(?:the|a|an|all|any|his|her|their|our)\s+)?(?:[\w-]+\s+){0,2}?(?:project|team|rota|rotation|roster|on-?call"
    r"|schedule|duty|duties|pager|production|prod|deploys?|deploying|deployments?|releases?|releasing|access|repos?"
    r"|repository|company|org|organi[sz]ation|role|position|shift|payroll)\b"
)
# A removal said with its reason ("…to rest", "so that she could focus") is care, not a penalty.
_PURPOSE = re.compile(
    r"\bto (?:help|rest|recover|sleep|focus|work on|join|assist|support|lead|reduce|avoid|give|let|hand)\b"
    r"|\bso (?:that )?(?:he|she|they|it|the)\b|\bat (?:his|her|their) (?:own )?request\b",
    re.IGNORECASE,
)
# Clauses that make "anyone would have seen…" a statement about the tools or a moment of the incident.
_CONDITION = re.compile(
    r"\b(?:if|with|had|given|once|when|unless|after|by then|at that point|as soon as)\b|\d:\d\d", re.I
)
_HARDLY = re.compile(r"\b(?:hardly|barely|scarcely|few)\b", re.IGNORECASE)
# Who, besides a person, may own a change ("the vendor… their change").
_ORG = re.compile(r"\b(?:vendor|supplier|partner|upstream|provider|company|third[ -]party|cloud|maintainers?)\b", re.I)
# Capitalised words at the head of a sentence that are things, not people: tools and common incident nouns.
_THING_WORDS = """
    the this that these those it its there which what each every both all one some any our their his her my your
    everyone everybody someone somebody anyone anybody nobody nothing something everything no none then later
    finally eventually meanwhile next afterwards also neither either another other
    replica replicas primary leader follower quorum raft shard shards failover cutover backup backups rollback
    rollout restore snapshot storage traffic search login checkout auth billing payments email mail sync cron
    vault consul envoy istio helm argo flux ansible puppet chef salt certbot letsencrypt cloudflare fastly akamai
    datadog sentry splunk grafana prometheus nagios zabbix icinga pagerduty opsgenie victorops statuspage slack
    teams zoom celery sidekiq airflow spark hadoop cassandra mongo mongodb zookeeper etcd memcached varnish
    haproxy traefik docker containerd kubelet karpenter nomad lambda okta keycloak stripe twilio sendgrid
    mailgun heroku vercel netlify elasticsearch opensearch logstash kibana fluentd vector loki tempo jaeger
    patroni pgbouncer sentinel velero restic renovate dependabot linkerd spinnaker buildkite travis circleci
    pulumi ingress gateway dns ntp bgp tls ssl cdn api ui cli sdk vpn ldap saml oauth s3 ec2 rds gke eks aks
    android ios safari chrome firefox windows linux ubuntu debian python java node ruby go rust php
    jira confluence bitbucket sonarqube snyk dynatrace newrelic honeycomb rundeck argocd tekton harness octopus
    bamboo teamcity drone concourse nexus artifactory harbor quay cloudwatch stackdriver bigquery snowflake
    redshift dynamo dynamodb spanner aurora vitess cockroach cockroachdb clickhouse druid flink kinesis sqs sns
    rabbitmq nats pulsar grpc kong apigee caddy apache tomcat jetty gunicorn uwsgi puma npm yarn pip maven
    gradle bazel webhook webhooks
"""
_THINGS = frozenset(_THING_WORDS.split())
_NOT_NAME_ENDING = re.compile(
    r"(?:tion|sion|ment|ing|ness|ity|ance|ence|ure|age|ery|ary|ics|ism|ogy|ship|ware|able|ible|ful|less|ous|ive"
    r"|ize|ise|ify|ate|ed|ly|er|ers|or|ors|ist|up|out|back|over|down|load|base|line|set|flow|bot|db|ops|hub|lab"
    r"|stack|sync|store|proxy|net|box|ies|js|sql)$"
)
_LEADING_TIME = re.compile(
    r"^(?:(?:then|later|finally|eventually|meanwhile|next|afterwards|at \d{1,2}:\d\d(?: utc)?)\s+)+", re.I
)


@dataclass(frozen=True)
class Family:
    rule: str
    severity: Level
    pattern: re.Pattern[str]
    message: str
    suggestion: str
    # Lower-case words of which the text must hold one before the (slower) pattern is tried.
    hint: tuple[str, ...]


FAMILIES = (
    Family(
        "blame.human-error",
        Level.ERROR,
        re.compile(
            r"\b(?:human|operator|user|engineer|pilot|manual|personnel)[ -]errors?\b"
            r"|\b(?:human|operator|engineer|developer|admin|staff|personal|individual|honest)[ -](?:mistakes?|slips?|blunders?)\b"
            # "the DBA made a mistake" (its subject is checked in _excused); "makes mistakes easy" is about the tool
            r"|\b(?P<made>made|makes)\s+(?:(?:a|an|one|the|some|several|two|three|a few|a couple of|the same)\s+)?"
            r"(?:\w+\s+)?(?:mistakes?|errors?|slips?|blunders?|misjudge?ments?)\b"
            r"(?!\s+(?:easy|easier|likely|more|less|possible|impossible|hard|harder|unlikely|inevitable|costly|cheap)\b)"
            # "her mistake", "the engineer's error" (but not "their error codes")
            rf"|(?<![\w'])(?P<owner>{_POSSESSOR})\s+(?:\w+\s+)?(?:{_MISTAKE})\b(?!\s+{_COMPOUND})"
            # "a mistake by the DBA", "an error on the part of Sam"
            rf"|\b(?:(?:mistakes?|slips?|blunders?|oversights?)\s+(?:by|of|from|on the part of)|errors?\s+(?:by|on the part of))"
            rf"\s+(?:(?:the|an?|our|one of the|one)\s+)?(?P<by>(?:{_PERSON_WORDS})\b|{_NAME}\b)(?!')",
            re.IGNORECASE,
        ),
        "names human error as a cause",
        "Say which condition made the slip likely or its effect large: the interface, a missing check, "
        "time pressure, an unclear runbook.",
        ("error", "mistake", "slip", "blunder", "oversight", "misjudg", "goof", "screw"),
    ),
    Family(
        "blame.hindsight",
        Level.WARNING,
        re.compile(
            r"\bshould(?:n't| not| never)? have (?!(?:a|an|the|to|some|more|one|no|any)\b)|\bshould(?:n't)?'ve\b|\bcould have (?:easily|simply|just)\b"
            r"|\bif only\b|\bought to have\b|\bwould have been (?:obvious|clear|easy)\b"
            r"|\b(?:any|a) (?:competent|good|careful|reasonable|experienced) \w+ would have\b|\bobviously\b"
            r"|\bshould (?:clearly|obviously|surely) have\b|\bclearly (?:should|ought to|needed to)\b"
            # "it was obvious that…", "plain to anyone who looked"
            r"|(?P<plain>\bit (?:was|is|had been|seemed) (?:plain|obvious|evident|self-evident)"
            r"(?: to (?:anyone|anybody|everyone|all))?(?= that\b| from\b|,)"
            r"|\b(?:plain|obvious|evident) to (?:anyone|anybody|everyone|any \w+)\b|\bplain(?:ly)? to see\b)"
            # "anyone watching would have seen…", "any engineer would have known"
            rf"|(?P<anyone>\b(?:any(?:one|body)|any (?:\w+ )?(?:{_PERSON_WORDS}))\b(?:\s+[\w-]+){{0,4}}?"
            r"\s+(?:would|could|should)(?: surely| easily| certainly)? have (?:seen|noticed|known|spotted|caught|realised"
            r"|realized|understood|predicted|expected|guessed|checked|asked|stopped|prevented|avoided)\b)",
            re.IGNORECASE,
        ),
        "judges with hindsight",
        "Describe what people knew and saw at the time, and what made another choice hard to see then.",
        ("should", "could", "would", "if only", "ought", "obvious", "plain", "evident", "clearly"),
    ),
    Family(
        "blame.judgement",
        Level.ERROR,
        re.compile(
            r"\b(?:careless\w*|negligen\w+|sloppy|sloppiness|lazy|laziness|incompeten\w+|reckless\w*"
            r"|irresponsibl\w+|stupid|dumb|idiot\w*|inattentive)\b",
            re.IGNORECASE,
        ),
        "judges a person's character",
        "Replace the judgement with facts: what was done, under which conditions, with which information.",
        (
            "careless",
            "negligen",
            "sloppi",
            "sloppy",
            "lazy",
            "lazi",
            "incompeten",
            "reckless",
            "irresponsib",
            "stupid",
            "dumb",
            "idiot",
            "inattentive",
        ),
    ),
    Family(
        "blame.failed-to",
        Level.WARNING,
        re.compile(r"\b(failed|forgot|neglected|omitted|did not bother|didn't bother) to (\w+)", re.IGNORECASE),
        "says a person failed to do something",
        'Describe what the process or tool expected and why it did not happen, e.g. "the runbook step was '
        'not reached because…".',
        ("failed to", "forgot to", "neglected to", "omitted to", "bother to"),
    ),
    Family(
        "blame.punishment",
        Level.ERROR,
        re.compile(
            r"\bdisciplinary\b|\bheld accountable\b|\bhold\b[^.]{0,40}?\baccountable\b|\bfault of\b|\bat fault\b"
            r"|\bto blame\b|\bblame (?:lies|rests|falls)\b|\breprimand\w*|\bwritten up\b|\bpunish\w*"
            r"|\bforfeits?\b|\bpenalt(?:y|ies) for\b|\bfines? for (?:whoever|anyone|breaking|causing)\b"
            r"|\b(?:wall|hall) of shame\b|\bname and shame\b|\b(?:publicly )?shamed\b"
            r"|\bperformance (?:improvement )?plan\b|(?-i:\bPIP\b)"
            r"|\bconsequences? for (?:whoever|anyone|those|the (?:person|people|engineers?|\w+ who))\b"
            r"|\bfaces? (?:the |serious )?consequences\b"
            # a treat as a forfeit: "buys the cake for breaking the build", "whoever breaks the build brings donuts"
            r"|\b(?:buys?|bought|brings?|pays? for|owes?)\s+(?:\w+\s+){0,3}?(?:cakes?|donuts|doughnuts|pizzas?|beers?"
            r"|drinks|coffees?|lunch|breakfast|a round|croissants|biscuits|cookies|treats|sweets)\b"
            r"(?=[^.]{0,80}?\b(?:break\w*|broke|caus\w*|took \w+ down|takes \w+ down|whoever|anyone who|the person who))"
            r"|\b(?:whoever|anyone who|the person who|the one who)\b[^.]{0,60}?\b(?:buys?|brings?|pays? for|owes?)\b"
            # taken off the work: "removed the DBA from the rota", "the engineer was taken off on-call"
            rf"|\b(?:remov(?:e|ed|es|ing)|kick(?:ed|s|ing)?(?: out)?|bann?(?:ed|s|ing)?|barr?(?:ed|s|ing)?"
            rf"|suspend(?:ed|s|ing)?|exclud(?:e|ed|es|ing)|strip(?:ped|s|ping)?)\s+(?:(?:the|a|an|our|that|this)\s+)?"
            rf"(?:[\w-]+\s+)?(?P<removed>{_PERSON_WORDS}|him|her|them|{_NAME})\s+(?:from|off|of)\s+{_DUTY}"
            # the subject, the word before the match, is checked in _excused
            r"|(?P<passive>\b(?:was|were|is|are|has been|have been"
            r"|will be|would be|is being|are being|gets|got|should be|must be)\s+(?:(?:\w+ly|then|also|now)\s+)?"
            rf"(?:(?:removed|taken|kicked|banned|barred|suspended|excluded|stripped)\s+(?:off|from|out of|of)\s+{_DUTY}"
            r"|(?:fired|let go|dismissed|demoted|sacked|disciplined|suspended)\b))",
            re.IGNORECASE,
        ),
        "looks for someone to punish",
        "A postmortem looks for causes in the system; describe the safeguard that was missing instead.",
        (
            "disciplin",
            "accountable",
            "fault",
            "blame",
            "reprimand",
            "written up",
            "punish",
            "forfeit",
            "penalt",
            "fine",
            "shame",
            "performance",
            "pip",
            "consequence",
            "cake",
            "donut",
            "doughnut",
            "pizza",
            "beer",
            "drinks",
            "coffee",
            "lunch",
            "breakfast",
            "a round",
            "croissant",
            "biscuit",
            "cookie",
            "treat",
            "sweets",
            "whoever",
            "the person who",
            "anyone who",
            "the one who",
            "remov",
            "kick",
            "ban",
            "bar",
            "suspend",
            "exclud",
            "strip",
            "taken",
            "fired",
            "let go",
            "dismissed",
            "demoted",
            "sacked",
        ),
    ),
    Family(
        "blame.person-cause",
        Level.ERROR,
        re.compile(
            rf"(?:\b(?i:{_PERSON_WORDS})\b|\b{_NAME}(?:'s \w+)?)(?:\s+(?:on|from|in) \w+)?"
            rf"\s+(?:(?:accidentally|just|then)\s+)?(?:{_DESTRUCTIVE})\b"
            rf"|\b(?i:caused|triggered) by (?:the |an? )?(?:(?i:{_PERSON_WORDS})|{_NAME})\b(?![ -]errors?\b)"
            rf"|\b(?i:because of) {_NAME}\b"
            rf"|(?:\b(?i:{_PERSON_WORDS})\b|\b{_NAME})\s+(?:{_ROUTINE})\b[^.]*{_CARELESS_HOW}"
            # a person's change as the cause: "her change is what took the site down", "his script deleted…"
            rf"|(?<![\w'])(?P<owner>{_POSSESSOR})\s+(?:(?!(?i:the|an?|this|that|these|those|our|its)\b)[\w-]+\s+)?"
            rf"(?i:{_ACT_NOUNS})\b(?:\s+(?i:to|in|on|for|of|against)\s+(?:(?i:the|an?|our)\s+)?[\w-]+(?:\s+[\w-]+)?)?"
            rf"\s+(?:(?i:is|was) (?i:what|the thing that)\s+|(?i:accidentally|then|also|directly|ultimately|just)\s+)?"
            rf"(?i:{_CAUSE})\b"
            # "a script written by Dave deleted…" (but not "the change made by the deploy pipeline")
            rf"|\b(?i:{_ACT_NOUNS})\s+(?i:made|written|run|pushed|merged|deployed|applied|submitted|authored|typed)"
            rf"\s+(?i:by)\s+(?:(?i:the|an?|our)\s+)?(?P<by>(?i:{_PERSON_WORDS})\b|{_NAME}\b)(?!')"
            rf"(?:\s+[\w-]+){{0,4}}?\s+(?i:{_CAUSE})\b",
        ),
        "names a person as the cause",
        "Describe what let this action become an outage (a tool, a default, a missing safeguard) and use a "
        "role instead of a name.",
        (
            *_DESTRUCTIVE.split("|"),
            *_ROUTINE.split("|"),
            "triggered",
            "because of",
            "took",
            "brought",
            "led to",
            "resulted in",
            "set off",
            "started",
            "knocked out",
        ),
    ),
)


def _clause_before(sentence: str, start: int) -> str:
    """The words before ``start`` in the same clause: where the subject of the match is."""
    return re.split(r"[,;:()]|\b(?:and|but|because|so|when|while|after|as)\b", sentence[:start])[-1]


def _negated(sentence: str, start: int) -> bool:
    words = sentence[:start].split()[-5:]
    return _NEGATION.search(" ".join(words)) is not None


def _likely_name(subject: str) -> bool:
    """Whether a clause's subject is a person's name, listed or not: one or two capitalised words that are not a
    known tool or a common incident noun and do not end like one ("Replication", "Alertmanager")."""
    words = _LEADING_TIME.sub("", subject.strip()).split()
    if not 1 <= len(words) <= 2:
        return False
    for word in words:
        if word in FIRST_NAMES:
            continue
        lowered = word.lower()
        if (
            re.fullmatch(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?", word) is None
            or lowered in _THINGS
            or SYSTEM.fullmatch(lowered)
            or _NOT_NAME_ENDING.search(lowered)
        ):
            return False
    return True


def _is_person(word: str) -> bool:
    """A person word ("engineer", "him") or a listed given name, as a whole word."""
    return PERSON.fullmatch(word) is not None or word.lower() in ("him", "her", "them") or word in FIRST_NAMES


def _personal_owner(owner: str, before: str) -> bool:
    """Whether a possessive names a person: "his", "the DBA's", "Tom's"; "their" unless a vendor or a system
    owns it ("the provider… their change")."""
    lowered = owner.lower()
    if lowered in ("his", "her", "my"):
        return True
    if lowered == "their":
        return PERSON.search(before) is not None or (SYSTEM.search(before) is None and _ORG.search(before) is None)
    return _is_person(owner.removesuffix("'s"))


def _excused(family: Family, sentence: str, match: re.Match[str]) -> bool:
    """Whether a match is not blame after all: quoted, negated, about a term, or about a system."""
    start = match.start()
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    if any(q.start() <= start < q.end() for q in _QUOTED.finditer(sentence)):
        return True
    if family.rule in ("blame.human-error", "blame.punishment", "blame.judgement") and _negated(sentence, start):
        return True
    if family.rule == "blame.human-error" and _META.search(sentence[:start].split(".")[-1][-40:]):
        return True
    subject = _clause_before(sentence, start)
    if family.rule == "blame.human-error":
        if "owner" in groups:
            return not _personal_owner(groups["owner"], sentence[:start])
        if "by" in groups:
            return not _is_person(groups["by"])
        if "made" in groups:  # someone made a mistake; not "the parser made an error", nor "we" as a whole
            who = subject if subject.strip() else sentence[:start]
            person = PERSON.search(who) is not None or bool(given_names(who)) or _likely_name(who)
            return not person or (SYSTEM.search(who) is not None and PERSON.search(who) is None)
        return False
    if family.rule == "blame.hindsight":
        if "plain" in groups or "anyone" in groups:
            before = sentence[:start]
            if _negated(sentence, start) or _HARDLY.search(" ".join(before.split()[-3:])) or _CONDITION.search(before):
                return True
            return "anyone" not in groups and SYSTEM.search(subject) is not None and PERSON.search(subject) is None
        return SYSTEM.search(subject) is not None and PERSON.search(subject) is None
    if family.rule == "blame.punishment":
        if "removed" in groups or "passive" in groups:
            last_two = [word.strip(",;:()") for word in sentence[:start].split()[-2:]]
            whom = [groups["removed"]] if "removed" in groups else [" ".join(last_two), *last_two[-1:]]
            person = any(_is_person(who) for who in whom if who)
            return not person or _PURPOSE.search(sentence[match.end() :]) is not None
        return False
    if family.rule == "blame.failed-to":
        if SYSTEM.search(subject):
            return True
        if PERSON.search(subject):
            return False
        human_verb = match.group(1).lower() not in ("failed", "omitted")
        acts = re.fullmatch(rf"(?:{_HUMAN_ACTS})\w*", match.group(2).lower()) is not None
        last = subject.split()[-1:] or [""]
        named = last[0] in FIRST_NAMES or _likely_name(subject)
        return not (human_verb or (named and acts))
    if family.rule == "blame.person-cause":
        if "owner" in groups:
            return not _personal_owner(groups["owner"], sentence[:start])
        if "by" in groups:
            return not _is_person(groups["by"])
        said = match.group(0)
        if SYSTEM.fullmatch(said.split()[0].lower().removesuffix("'s")) is not None:
            return True
        return PERSON.search(said) is None and not given_names(said)
    return False


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def blame_in(text: str) -> Iterator[tuple[Family, str]]:
    """Each blaming family found in ``text`` (once per sentence), with the words that matched."""
    lowered = text.lower()
    families = [family for family in FAMILIES if any(word in lowered for word in family.hint)]
    if not families:
        return
    for sentence in sentences(text):
        lowered = sentence.lower()
        for family in families:
            if not any(word in lowered for word in family.hint):
                continue
            for match in family.pattern.finditer(sentence):
                if not _excused(family, sentence, match):
                    yield family, match.group(0)
                    break


def check_text(location: str, text: str) -> Iterator[Finding]:
    for family, words in blame_in(text):
        yield Finding(family.rule, family.severity, location, f'"{words.strip()}" {family.message}', family.suggestion)
