export namespace bindings {
	
	export class KodusLoginRequest {
	    url: string;
	    email: string;
	    password: string;
	
	    static createFrom(source: any = {}) {
	        return new KodusLoginRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.email = source["email"];
	        this.password = source["password"];
	    }
	}

}

export namespace byokconfig {
	
	export class Warning {
	    slot: string;
	    code: string;
	    message: string;
	    fix?: string;
	
	    static createFrom(source: any = {}) {
	        return new Warning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.slot = source["slot"];
	        this.code = source["code"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	    }
	}

}

export namespace catalog {
	
	export class ConcurrencyTier {
	    label: string;
	    maxConcurrentRequests: number;
	    limit: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new ConcurrencyTier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.maxConcurrentRequests = source["maxConcurrentRequests"];
	        this.limit = source["limit"];
	        this.reason = source["reason"];
	    }
	}
	export class Variant {
	    id: string;
	    label: string;
	    description: string;
	    baseURL: string;
	    apiKeyUrl?: string;
	    maxConcurrentRequests?: number;
	    maxConcurrentReason?: string;
	    model?: string;
	    notes?: string[];
	    maxConcurrentLimit?: number;
	    concurrencyTiers?: ConcurrencyTier[];
	    provider?: string;
	    fixedModeBaseURL?: string;
	
	    static createFrom(source: any = {}) {
	        return new Variant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.description = source["description"];
	        this.baseURL = source["baseURL"];
	        this.apiKeyUrl = source["apiKeyUrl"];
	        this.maxConcurrentRequests = source["maxConcurrentRequests"];
	        this.maxConcurrentReason = source["maxConcurrentReason"];
	        this.model = source["model"];
	        this.notes = source["notes"];
	        this.maxConcurrentLimit = source["maxConcurrentLimit"];
	        this.concurrencyTiers = this.convertValues(source["concurrencyTiers"], ConcurrencyTier);
	        this.provider = source["provider"];
	        this.fixedModeBaseURL = source["fixedModeBaseURL"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Defaults {
	    temperature?: number;
	    maxOutputTokens?: number;
	    reasoningEffort?: string;
	    baseURL?: string;
	
	    static createFrom(source: any = {}) {
	        return new Defaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.temperature = source["temperature"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.reasoningEffort = source["reasoningEffort"];
	        this.baseURL = source["baseURL"];
	    }
	}
	export class Model {
	    id: string;
	    aliases?: string[];
	    displayName: string;
	    provider: string;
	    providerKey?: string;
	    providerDisplayName?: string;
	    tier: string;
	    recommendationLabel?: string;
	    description: string;
	    contextWindow: number;
	    benchmarkScore?: number;
	    costTier?: string;
	    apiKeyUrl: string;
	    docsUrl?: string;
	    defaults: Defaults;
	    defaultVariantId?: string;
	    variants?: Variant[];
	    notes?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Model(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.aliases = source["aliases"];
	        this.displayName = source["displayName"];
	        this.provider = source["provider"];
	        this.providerKey = source["providerKey"];
	        this.providerDisplayName = source["providerDisplayName"];
	        this.tier = source["tier"];
	        this.recommendationLabel = source["recommendationLabel"];
	        this.description = source["description"];
	        this.contextWindow = source["contextWindow"];
	        this.benchmarkScore = source["benchmarkScore"];
	        this.costTier = source["costTier"];
	        this.apiKeyUrl = source["apiKeyUrl"];
	        this.docsUrl = source["docsUrl"];
	        this.defaults = this.convertValues(source["defaults"], Defaults);
	        this.defaultVariantId = source["defaultVariantId"];
	        this.variants = this.convertValues(source["variants"], Variant);
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Provider {
	    id: string;
	    displayName: string;
	    defaultBaseURL: string;
	    requiresBaseURL: boolean;
	    requiresKey: boolean;
	    keyURL: string;
	    keyHint: string;
	    beta?: boolean;
	    baseURLExamples?: string[];
	    maxConcurrentReason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Provider(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.displayName = source["displayName"];
	        this.defaultBaseURL = source["defaultBaseURL"];
	        this.requiresBaseURL = source["requiresBaseURL"];
	        this.requiresKey = source["requiresKey"];
	        this.keyURL = source["keyURL"];
	        this.keyHint = source["keyHint"];
	        this.beta = source["beta"];
	        this.baseURLExamples = source["baseURLExamples"];
	        this.maxConcurrentReason = source["maxConcurrentReason"];
	    }
	}
	export class Catalog {
	    kodusLine?: string;
	    version: string;
	    updated: string;
	    source: string;
	    providers: Provider[];
	    models: Model[];
	
	    static createFrom(source: any = {}) {
	        return new Catalog(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kodusLine = source["kodusLine"];
	        this.version = source["version"];
	        this.updated = source["updated"];
	        this.source = source["source"];
	        this.providers = this.convertValues(source["providers"], Provider);
	        this.models = this.convertValues(source["models"], Model);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	

}

export namespace concurrency {
	
	export class Advice {
	    severity: string;
	    code: string;
	    slot?: string;
	    message: string;
	    suggested?: number;
	
	    static createFrom(source: any = {}) {
	        return new Advice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severity = source["severity"];
	        this.code = source["code"];
	        this.slot = source["slot"];
	        this.message = source["message"];
	        this.suggested = source["suggested"];
	    }
	}
	export class CalcRow {
	    concurrency: number;
	    wallSeconds: number;
	    rejected: number;
	    failed: number;
	    retrySeconds: number;
	    complete: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CalcRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.concurrency = source["concurrency"];
	        this.wallSeconds = source["wallSeconds"];
	        this.rejected = source["rejected"];
	        this.failed = source["failed"];
	        this.retrySeconds = source["retrySeconds"];
	        this.complete = source["complete"];
	    }
	}
	export class Workload {
	    filesPerPR: number;
	    callsPerFile: number;
	    extraCalls: number;
	    latencyMs: number;
	    providerCap: number;
	    retries: number;
	    backoffMs: number;
	    hasFallback: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Workload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filesPerPR = source["filesPerPR"];
	        this.callsPerFile = source["callsPerFile"];
	        this.extraCalls = source["extraCalls"];
	        this.latencyMs = source["latencyMs"];
	        this.providerCap = source["providerCap"];
	        this.retries = source["retries"];
	        this.backoffMs = source["backoffMs"];
	        this.hasFallback = source["hasFallback"];
	    }
	}
	export class Calc {
	    workload: Workload;
	    calls: number;
	    rows: CalcRow[];
	    fastest: number;
	    firstRetryAt?: number;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Calc(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workload = this.convertValues(source["workload"], Workload);
	        this.calls = source["calls"];
	        this.rows = this.convertValues(source["rows"], CalcRow);
	        this.fastest = source["fastest"];
	        this.firstRetryAt = source["firstRetryAt"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Plan {
	    kind: string;
	    id: string;
	    label: string;
	    brand: string;
	    tight: boolean;
	    fuzzy: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.label = source["label"];
	        this.brand = source["brand"];
	        this.tight = source["tight"];
	        this.fuzzy = source["fuzzy"];
	    }
	}
	export class PreFill {
	    value?: number;
	    label: string;
	    reason: string;
	    limit?: number;
	    tiers?: catalog.ConcurrencyTier[];
	
	    static createFrom(source: any = {}) {
	        return new PreFill(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	        this.reason = source["reason"];
	        this.limit = source["limit"];
	        this.tiers = this.convertValues(source["tiers"], catalog.ConcurrencyTier);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Rejection {
	    httpStatus: number;
	    providerCode?: string;
	    providerMessage?: string;
	    retryAfterMs?: number;
	    rateLimits?: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Rejection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.httpStatus = source["httpStatus"];
	        this.providerCode = source["providerCode"];
	        this.providerMessage = source["providerMessage"];
	        this.retryAfterMs = source["retryAfterMs"];
	        this.rateLimits = source["rateLimits"];
	    }
	}
	export class Round {
	    target: number;
	    sent: number;
	    accepted: number;
	    rejected: number;
	    maxInFlight: number;
	    spacingUs: number;
	    waitedMs: number;
	
	    static createFrom(source: any = {}) {
	        return new Round(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.sent = source["sent"];
	        this.accepted = source["accepted"];
	        this.rejected = source["rejected"];
	        this.maxInFlight = source["maxInFlight"];
	        this.spacingUs = source["spacingUs"];
	        this.waitedMs = source["waitedMs"];
	    }
	}
	export class Report {
	    cap: number;
	    recommended: number;
	    requests: number;
	    rounds: number;
	    stoppedBy: string;
	    exact: boolean;
	    ceiling: number;
	    maxRequests: number;
	    maxAccepted: number;
	    accepted: number;
	    rejected: number;
	    late: number;
	    why: string;
	    rejection?: Rejection;
	    error?: keytest.Result;
	    history: Round[];
	    elapsedMs: number;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cap = source["cap"];
	        this.recommended = source["recommended"];
	        this.requests = source["requests"];
	        this.rounds = source["rounds"];
	        this.stoppedBy = source["stoppedBy"];
	        this.exact = source["exact"];
	        this.ceiling = source["ceiling"];
	        this.maxRequests = source["maxRequests"];
	        this.maxAccepted = source["maxAccepted"];
	        this.accepted = source["accepted"];
	        this.rejected = source["rejected"];
	        this.late = source["late"];
	        this.why = source["why"];
	        this.rejection = this.convertValues(source["rejection"], Rejection);
	        this.error = this.convertValues(source["error"], keytest.Result);
	        this.history = this.convertValues(source["history"], Round);
	        this.elapsedMs = source["elapsedMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace cost {
	
	export class ReasoningTokens {
	    low: number;
	    medium: number;
	    high: number;
	
	    static createFrom(source: any = {}) {
	        return new ReasoningTokens(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.low = source["low"];
	        this.medium = source["medium"];
	        this.high = source["high"];
	    }
	}
	export class Assumptions {
	    prsPerMonth: number;
	    filesPerPR: number;
	    inputTokensPerFile: number;
	    outputTokensPerFile: number;
	    extraCallsPerPR: number;
	    inputTokensPerExtraCall: number;
	    outputTokensPerExtraCall: number;
	    thinking: string;
	    reasoning: ReasoningTokens;
	    cacheHit: number;
	    fallbackShare: number;
	    budgetUSD: string;
	
	    static createFrom(source: any = {}) {
	        return new Assumptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.prsPerMonth = source["prsPerMonth"];
	        this.filesPerPR = source["filesPerPR"];
	        this.inputTokensPerFile = source["inputTokensPerFile"];
	        this.outputTokensPerFile = source["outputTokensPerFile"];
	        this.extraCallsPerPR = source["extraCallsPerPR"];
	        this.inputTokensPerExtraCall = source["inputTokensPerExtraCall"];
	        this.outputTokensPerExtraCall = source["outputTokensPerExtraCall"];
	        this.thinking = source["thinking"];
	        this.reasoning = this.convertValues(source["reasoning"], ReasoningTokens);
	        this.cacheHit = source["cacheHit"];
	        this.fallbackShare = source["fallbackShare"];
	        this.budgetUSD = source["budgetUSD"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Breakdown {
	    input: string;
	    cacheWrite: string;
	    cachedInput: string;
	    output: string;
	    reasoning: string;
	    total: string;
	
	    static createFrom(source: any = {}) {
	        return new Breakdown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.cacheWrite = source["cacheWrite"];
	        this.cachedInput = source["cachedInput"];
	        this.output = source["output"];
	        this.reasoning = source["reasoning"];
	        this.total = source["total"];
	    }
	}
	export class Call {
	    label?: string;
	    inputTokens: number;
	    outputTokens: number;
	    count?: number;
	    reasoningTokens?: number;
	
	    static createFrom(source: any = {}) {
	        return new Call(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.inputTokens = source["inputTokens"];
	        this.outputTokens = source["outputTokens"];
	        this.count = source["count"];
	        this.reasoningTokens = source["reasoningTokens"];
	    }
	}
	export class LevelCost {
	    thinking: string;
	    perMonth?: string;
	
	    static createFrom(source: any = {}) {
	        return new LevelCost(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.thinking = source["thinking"];
	        this.perMonth = source["perMonth"];
	    }
	}
	export class ManualPrice {
	    model: string;
	    plan: string;
	    input: string;
	    output: string;
	    cacheRead: string;
	    cacheWrite: string;
	    contextWindow: number;
	    maxOutput: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ManualPrice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.plan = source["plan"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cacheRead = source["cacheRead"];
	        this.cacheWrite = source["cacheWrite"];
	        this.contextWindow = source["contextWindow"];
	        this.maxOutput = source["maxOutput"];
	        this.note = source["note"];
	    }
	}
	export class PR {
	    name?: string;
	    calls: Call[];
	
	    static createFrom(source: any = {}) {
	        return new PR(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.calls = this.convertValues(source["calls"], Call);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Subscription {
	    name: string;
	    url?: string;
	    quota?: string;
	    planOnly?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Subscription(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.url = source["url"];
	        this.quota = source["quota"];
	        this.planOnly = source["planOnly"];
	    }
	}
	export class Tier {
	    abovePromptTokens: number;
	    input?: string;
	    output?: string;
	    cacheRead?: string;
	    cacheWrite?: string;
	
	    static createFrom(source: any = {}) {
	        return new Tier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.abovePromptTokens = source["abovePromptTokens"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cacheRead = source["cacheRead"];
	        this.cacheWrite = source["cacheWrite"];
	    }
	}
	export class Price {
	    id: string;
	    aliases?: string[];
	    name?: string;
	    provider?: string;
	    plan?: string;
	    input?: string;
	    output?: string;
	    cacheRead?: string;
	    cacheWrite?: string;
	    cacheWrite1h?: string;
	    tiers?: Tier[];
	    contextWindow?: number;
	    maxOutput?: number;
	    subscription?: Subscription;
	    reasoning?: boolean;
	    alwaysThinks?: boolean;
	    status?: string;
	    note?: string;
	    source: string;
	    pricedAt: string;
	    litellm?: string[];
	    origin?: string;
	
	    static createFrom(source: any = {}) {
	        return new Price(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.aliases = source["aliases"];
	        this.name = source["name"];
	        this.provider = source["provider"];
	        this.plan = source["plan"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cacheRead = source["cacheRead"];
	        this.cacheWrite = source["cacheWrite"];
	        this.cacheWrite1h = source["cacheWrite1h"];
	        this.tiers = this.convertValues(source["tiers"], Tier);
	        this.contextWindow = source["contextWindow"];
	        this.maxOutput = source["maxOutput"];
	        this.subscription = this.convertValues(source["subscription"], Subscription);
	        this.reasoning = source["reasoning"];
	        this.alwaysThinks = source["alwaysThinks"];
	        this.status = source["status"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.pricedAt = source["pricedAt"];
	        this.litellm = source["litellm"];
	        this.origin = source["origin"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfileTotal {
	    name: string;
	    fallbackShare: number;
	    perPR?: string;
	    perMonth?: string;
	    complete: boolean;
	    budgetPRsPerMonth?: number;
	    levels?: LevelCost[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new ProfileTotal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.fallbackShare = source["fallbackShare"];
	        this.perPR = source["perPR"];
	        this.perMonth = source["perMonth"];
	        this.complete = source["complete"];
	        this.budgetPRsPerMonth = source["budgetPRsPerMonth"];
	        this.levels = this.convertValues(source["levels"], LevelCost);
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Ratio {
	    num: number;
	    den: number;
	
	    static createFrom(source: any = {}) {
	        return new Ratio(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.num = source["num"];
	        this.den = source["den"];
	    }
	}
	
	export class Ref {
	    model: string;
	    plan?: string;
	    provider?: string;
	    slot?: string;
	    thinking?: string;
	
	    static createFrom(source: any = {}) {
	        return new Ref(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.plan = source["plan"];
	        this.provider = source["provider"];
	        this.slot = source["slot"];
	        this.thinking = source["thinking"];
	    }
	}
	export class RowBreakdown {
	    perPR: Breakdown;
	    perMonth: Breakdown;
	
	    static createFrom(source: any = {}) {
	        return new RowBreakdown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.perPR = this.convertValues(source["perPR"], Breakdown);
	        this.perMonth = this.convertValues(source["perMonth"], Breakdown);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Row {
	    model: string;
	    plan?: string;
	    name: string;
	    provider?: string;
	    slot?: string;
	    status: string;
	    perPR?: string;
	    perMonth?: string;
	    inputTokens: number;
	    cachedInputTokens: number;
	    cacheWriteTokens: number;
	    outputTokens: number;
	    reasoningTokens: number;
	    tier: string;
	    source: string;
	    pricedAt: string;
	    origin?: string;
	    priceStatus?: string;
	    thinking: string;
	    price?: Price;
	    breakdown?: RowBreakdown;
	    budgetPRsPerMonth?: number;
	    levels?: LevelCost[];
	    subscription?: Subscription;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.plan = source["plan"];
	        this.name = source["name"];
	        this.provider = source["provider"];
	        this.slot = source["slot"];
	        this.status = source["status"];
	        this.perPR = source["perPR"];
	        this.perMonth = source["perMonth"];
	        this.inputTokens = source["inputTokens"];
	        this.cachedInputTokens = source["cachedInputTokens"];
	        this.cacheWriteTokens = source["cacheWriteTokens"];
	        this.outputTokens = source["outputTokens"];
	        this.reasoningTokens = source["reasoningTokens"];
	        this.tier = source["tier"];
	        this.source = source["source"];
	        this.pricedAt = source["pricedAt"];
	        this.origin = source["origin"];
	        this.priceStatus = source["priceStatus"];
	        this.thinking = source["thinking"];
	        this.price = this.convertValues(source["price"], Price);
	        this.breakdown = this.convertValues(source["breakdown"], RowBreakdown);
	        this.budgetPRsPerMonth = source["budgetPRsPerMonth"];
	        this.levels = this.convertValues(source["levels"], LevelCost);
	        this.subscription = this.convertValues(source["subscription"], Subscription);
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Workload {
	    prs: PR[];
	    prsPerMonth: number;
	    window?: Ratio;
	
	    static createFrom(source: any = {}) {
	        return new Workload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.prs = this.convertValues(source["prs"], PR);
	        this.prsPerMonth = source["prsPerMonth"];
	        this.window = this.convertValues(source["window"], Ratio);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Report {
	    pricedAt: string;
	    tablePricedAt: string;
	    importedFrom?: string;
	    assumptions: Assumptions;
	    workload?: Workload;
	    rows: Row[];
	    profile?: ProfileTotal;
	    missingPrices: string[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pricedAt = source["pricedAt"];
	        this.tablePricedAt = source["tablePricedAt"];
	        this.importedFrom = source["importedFrom"];
	        this.assumptions = this.convertValues(source["assumptions"], Assumptions);
	        this.workload = this.convertValues(source["workload"], Workload);
	        this.rows = this.convertValues(source["rows"], Row);
	        this.profile = this.convertValues(source["profile"], ProfileTotal);
	        this.missingPrices = source["missingPrices"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	

}

export namespace discover {
	
	export class Miss {
	    baseURL: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Miss(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.baseURL = source["baseURL"];
	        this.reason = source["reason"];
	    }
	}
	export class Model {
	    id: string;
	    contextLength?: number;
	    parameterSize?: string;
	    quantization?: string;
	    sizeBytes?: number;
	    type?: string;
	    loaded?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Model(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.contextLength = source["contextLength"];
	        this.parameterSize = source["parameterSize"];
	        this.quantization = source["quantization"];
	        this.sizeBytes = source["sizeBytes"];
	        this.type = source["type"];
	        this.loaded = source["loaded"];
	    }
	}
	export class Request {
	    urls: string[];
	    onlyURLs: boolean;
	    key?: string;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.urls = source["urls"];
	        this.onlyURLs = source["onlyURLs"];
	        this.key = source["key"];
	    }
	}
	export class Server {
	    kind: string;
	    name: string;
	    baseURL: string;
	    models: Model[];
	    latencyMs: number;
	    version?: string;
	    needsKey?: boolean;
	    containerBaseURL?: string;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Server(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.baseURL = source["baseURL"];
	        this.models = this.convertValues(source["models"], Model);
	        this.latencyMs = source["latencyMs"];
	        this.version = source["version"];
	        this.needsKey = source["needsKey"];
	        this.containerBaseURL = source["containerBaseURL"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    servers: Server[];
	    unreachable: Miss[];
	    elapsedMs: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.servers = this.convertValues(source["servers"], Server);
	        this.unreachable = this.convertValues(source["unreachable"], Miss);
	        this.elapsedMs = source["elapsedMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace doctor {
	
	export class Check {
	    name: string;
	    ok: boolean;
	    detail: string;
	    hint?: string;
	
	    static createFrom(source: any = {}) {
	        return new Check(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.ok = source["ok"];
	        this.detail = source["detail"];
	        this.hint = source["hint"];
	    }
	}
	export class Report {
	    version: string;
	    commit: string;
	    buildDate: string;
	    gui: boolean;
	    dataDir: string;
	    keychainBackend: string;
	    checks: Check[];
	    ok: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.buildDate = source["buildDate"];
	        this.gui = source["gui"];
	        this.dataDir = source["dataDir"];
	        this.keychainBackend = source["keychainBackend"];
	        this.checks = this.convertValues(source["checks"], Check);
	        this.ok = source["ok"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace dryrun {
	
	export class Request {
	    method: string;
	    url: string;
	    headers: {[key: string]: string};
	    body: Record<string, unknown>;
	    api: string;
	    sdk: string;
	    maxOutputTokens?: number;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.url = source["url"];
	        this.headers = source["headers"];
	        this.body = source["body"];
	        this.api = source["api"];
	        this.sdk = source["sdk"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.notes = source["notes"];
	    }
	}
	export class Usage {
	    inputTokens: number;
	    outputTokens: number;
	    reasoningTokens?: number;
	    cachedInputTokens?: number;
	    cost?: string;
	    costNote?: string;
	
	    static createFrom(source: any = {}) {
	        return new Usage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.inputTokens = source["inputTokens"];
	        this.outputTokens = source["outputTokens"];
	        this.reasoningTokens = source["reasoningTokens"];
	        this.cachedInputTokens = source["cachedInputTokens"];
	        this.cost = source["cost"];
	        this.costNote = source["costNote"];
	    }
	}
	export class Result {
	    ok: boolean;
	    code: string;
	    httpStatus: number;
	    latencyMs: number;
	    request: Request;
	    message: string;
	    hint: string;
	    usage?: Usage;
	    slot?: string;
	    sent: boolean;
	    headline: string;
	    parameter?: string;
	    providerMessage?: string;
	    providerCode?: string;
	    reply?: string;
	    finishReason?: string;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.code = source["code"];
	        this.httpStatus = source["httpStatus"];
	        this.latencyMs = source["latencyMs"];
	        this.request = this.convertValues(source["request"], Request);
	        this.message = source["message"];
	        this.hint = source["hint"];
	        this.usage = this.convertValues(source["usage"], Usage);
	        this.slot = source["slot"];
	        this.sent = source["sent"];
	        this.headline = source["headline"];
	        this.parameter = source["parameter"];
	        this.providerMessage = source["providerMessage"];
	        this.providerCode = source["providerCode"];
	        this.reply = source["reply"];
	        this.finishReason = source["finishReason"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace envfile {
	
	export class Change {
	    var: string;
	    action: string;
	    line: number;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.var = source["var"];
	        this.action = source["action"];
	        this.line = source["line"];
	        this.reason = source["reason"];
	    }
	}
	export class FillIn {
	    var: string;
	    what: string;
	
	    static createFrom(source: any = {}) {
	        return new FillIn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.var = source["var"];
	        this.what = source["what"];
	    }
	}
	export class Inference {
	    configured: boolean;
	    provider: string;
	    providerLabel: string;
	    model: string;
	    baseURL?: string;
	    keyVar?: string;
	    vertexLocation?: string;
	    temperatureOverride?: string;
	    rule: string;
	
	    static createFrom(source: any = {}) {
	        return new Inference(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.configured = source["configured"];
	        this.provider = source["provider"];
	        this.providerLabel = source["providerLabel"];
	        this.model = source["model"];
	        this.baseURL = source["baseURL"];
	        this.keyVar = source["keyVar"];
	        this.vertexLocation = source["vertexLocation"];
	        this.temperatureOverride = source["temperatureOverride"];
	        this.rule = source["rule"];
	    }
	}
	export class NotCarried {
	    setting: string;
	    value: string;
	    consequence: string;
	
	    static createFrom(source: any = {}) {
	        return new NotCarried(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.setting = source["setting"];
	        this.value = source["value"];
	        this.consequence = source["consequence"];
	    }
	}
	export class Problem {
	    line?: number;
	    var: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.var = source["var"];
	        this.message = source["message"];
	    }
	}
	export class Warning {
	    code: string;
	    message: string;
	    fix?: string;
	
	    static createFrom(source: any = {}) {
	        return new Warning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	    }
	}
	export class Report {
	    fixedMode: boolean;
	    inferred: Inference;
	    keyVar?: string;
	    keyMasked?: string;
	    warnings: Warning[];
	    problems: Problem[];
	    imageTag?: string;
	    kodusLine?: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fixedMode = source["fixedMode"];
	        this.inferred = this.convertValues(source["inferred"], Inference);
	        this.keyVar = source["keyVar"];
	        this.keyMasked = source["keyMasked"];
	        this.warnings = this.convertValues(source["warnings"], Warning);
	        this.problems = this.convertValues(source["problems"], Problem);
	        this.imageTag = source["imageTag"];
	        this.kodusLine = source["kodusLine"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Route {
	    provider: string;
	    baseURL?: string;
	
	    static createFrom(source: any = {}) {
	        return new Route(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.baseURL = source["baseURL"];
	    }
	}

}

export namespace keyshape {
	
	export class Guess {
	    brand?: string;
	    name?: string;
	    confidence: string;
	    shape?: string;
	    reason: string;
	    candidates?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Guess(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.brand = source["brand"];
	        this.name = source["name"];
	        this.confidence = source["confidence"];
	        this.shape = source["shape"];
	        this.reason = source["reason"];
	        this.candidates = source["candidates"];
	    }
	}
	export class Suggestion {
	    brand: string;
	    provider: string;
	    providerName: string;
	    model?: string;
	    modelName?: string;
	    plan?: string;
	    planLabel?: string;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.brand = source["brand"];
	        this.provider = source["provider"];
	        this.providerName = source["providerName"];
	        this.model = source["model"];
	        this.modelName = source["modelName"];
	        this.plan = source["plan"];
	        this.planLabel = source["planLabel"];
	    }
	}
	export class Verdict {
	    guess: Guess;
	    fit: string;
	    message?: string;
	    suggestion?: Suggestion;
	
	    static createFrom(source: any = {}) {
	        return new Verdict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.guess = this.convertValues(source["guess"], Guess);
	        this.fit = source["fit"];
	        this.message = source["message"];
	        this.suggestion = this.convertValues(source["suggestion"], Suggestion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace keytest {
	
	export class Probe {
	    kind: string;
	    requests: string[];
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Probe(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.requests = source["requests"];
	        this.note = source["note"];
	    }
	}
	export class Result {
	    slot: string;
	    ok: boolean;
	    code: string;
	    httpStatus: number;
	    latencyMs: number;
	    modelFound?: boolean;
	    message: string;
	    hint: string;
	    headline: string;
	    providerMessage?: string;
	    providerCode?: string;
	    endpoint?: string;
	    probe: string;
	    suggestedPlan?: string;
	    suggestedPlanLabel?: string;
	    suggestedBaseURL?: string;
	    availableModels?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.slot = source["slot"];
	        this.ok = source["ok"];
	        this.code = source["code"];
	        this.httpStatus = source["httpStatus"];
	        this.latencyMs = source["latencyMs"];
	        this.modelFound = source["modelFound"];
	        this.message = source["message"];
	        this.hint = source["hint"];
	        this.headline = source["headline"];
	        this.providerMessage = source["providerMessage"];
	        this.providerCode = source["providerCode"];
	        this.endpoint = source["endpoint"];
	        this.probe = source["probe"];
	        this.suggestedPlan = source["suggestedPlan"];
	        this.suggestedPlanLabel = source["suggestedPlanLabel"];
	        this.suggestedBaseURL = source["suggestedBaseURL"];
	        this.availableModels = source["availableModels"];
	    }
	}

}

export namespace kodusapi {
	
	export class EnvStatus {
	    configured: boolean;
	    model?: string;
	    providerId?: string;
	    baseUrl?: string;
	    vertexLocation?: string;
	    temperatureOverride?: number;
	
	    static createFrom(source: any = {}) {
	        return new EnvStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.configured = source["configured"];
	        this.model = source["model"];
	        this.providerId = source["providerId"];
	        this.baseUrl = source["baseUrl"];
	        this.vertexLocation = source["vertexLocation"];
	        this.temperatureOverride = source["temperatureOverride"];
	    }
	}
	export class ModelStatus {
	    modelId: string;
	    model?: string;
	    providerId?: string;
	    baseUrl?: string;
	    resolvable: boolean;
	    capabilities?: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new ModelStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.modelId = source["modelId"];
	        this.model = source["model"];
	        this.providerId = source["providerId"];
	        this.baseUrl = source["baseUrl"];
	        this.resolvable = source["resolvable"];
	        this.capabilities = source["capabilities"];
	    }
	}
	export class SlotStatus {
	    configured: boolean;
	    model?: string;
	    providerId?: string;
	    baseUrl?: string;
	
	    static createFrom(source: any = {}) {
	        return new SlotStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.configured = source["configured"];
	        this.model = source["model"];
	        this.providerId = source["providerId"];
	        this.baseUrl = source["baseUrl"];
	    }
	}
	export class Status {
	    source: string;
	    models: ModelStatus[];
	    byok: SlotStatus;
	    env: EnvStatus;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.models = this.convertValues(source["models"], ModelStatus);
	        this.byok = this.convertValues(source["byok"], SlotStatus);
	        this.env = this.convertValues(source["env"], EnvStatus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestResult {
	    ok: boolean;
	    code: string;
	    latencyMs: number;
	    message?: string;
	    providerMessage?: string;
	    httpStatus?: number;
	    verifiedBy?: string;
	    warning?: string;
	
	    static createFrom(source: any = {}) {
	        return new TestResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.code = source["code"];
	        this.latencyMs = source["latencyMs"];
	        this.message = source["message"];
	        this.providerMessage = source["providerMessage"];
	        this.httpStatus = source["httpStatus"];
	        this.verifiedBy = source["verifiedBy"];
	        this.warning = source["warning"];
	    }
	}

}

export namespace kodusinstall {
	
	export class Install {
	    dir: string;
	    composeFile: string;
	    envFile: string;
	    services: string[];
	    llmServices: string[];
	    optionalLLMServices: string[];
	    apiService: string;
	    optionalCommand?: string;
	    imageTag: string;
	    foundBy: string[];
	    running: string[];
	    problem?: string;
	
	    static createFrom(source: any = {}) {
	        return new Install(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.composeFile = source["composeFile"];
	        this.envFile = source["envFile"];
	        this.services = source["services"];
	        this.llmServices = source["llmServices"];
	        this.optionalLLMServices = source["optionalLLMServices"];
	        this.apiService = source["apiService"];
	        this.optionalCommand = source["optionalCommand"];
	        this.imageTag = source["imageTag"];
	        this.foundBy = source["foundBy"];
	        this.running = source["running"];
	        this.problem = source["problem"];
	    }
	}
	export class FindResult {
	    installs: Install[];
	    searched: string[];
	    dockerNote?: string;
	
	    static createFrom(source: any = {}) {
	        return new FindResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.installs = this.convertValues(source["installs"], Install);
	        this.searched = source["searched"];
	        this.dockerNote = source["dockerNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace profile {
	
	export class FieldError {
	    field: string;
	    rule: string;
	    value?: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.rule = source["rule"];
	        this.value = source["value"];
	    }
	}

}

export namespace repocost {
	
	export class Bin {
	    from: number;
	    to: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Bin(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.count = source["count"];
	    }
	}
	export class Calls {
	    filePromptTokens: number;
	    chunkTokens: number;
	
	    static createFrom(source: any = {}) {
	        return new Calls(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filePromptTokens = source["filePromptTokens"];
	        this.chunkTokens = source["chunkTokens"];
	    }
	}
	export class Result {
	    path: string;
	    branch: string;
	    head: string;
	    unit: string;
	    since?: string;
	    last?: number;
	    from: string;
	    to: string;
	    days: number;
	    commits: number;
	    directCommits: number;
	    notReviewed: number;
	    changes: number;
	    perMonth: number;
	    medianTokens: number;
	    p90Tokens: number;
	    maxTokens: number;
	    totalTokens: number;
	    medianFiles: number;
	    files: number;
	    skipped: {[key: string]: number};
	    histogram: Bin[];
	    ignore: string[];
	    contextLines: number;
	    tokenizer: string;
	    slicedLines?: number;
	    caveat?: string;
	    elapsedMs: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.branch = source["branch"];
	        this.head = source["head"];
	        this.unit = source["unit"];
	        this.since = source["since"];
	        this.last = source["last"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.days = source["days"];
	        this.commits = source["commits"];
	        this.directCommits = source["directCommits"];
	        this.notReviewed = source["notReviewed"];
	        this.changes = source["changes"];
	        this.perMonth = source["perMonth"];
	        this.medianTokens = source["medianTokens"];
	        this.p90Tokens = source["p90Tokens"];
	        this.maxTokens = source["maxTokens"];
	        this.totalTokens = source["totalTokens"];
	        this.medianFiles = source["medianFiles"];
	        this.files = source["files"];
	        this.skipped = source["skipped"];
	        this.histogram = this.convertValues(source["histogram"], Bin);
	        this.ignore = source["ignore"];
	        this.contextLines = source["contextLines"];
	        this.tokenizer = source["tokenizer"];
	        this.slicedLines = source["slicedLines"];
	        this.caveat = source["caveat"];
	        this.elapsedMs = source["elapsedMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace studio {
	
	export class BYOKView {
	    json: string;
	    notes: string[];
	    warnings: byokconfig.Warning[];
	    says: string;
	    shape: string;
	
	    static createFrom(source: any = {}) {
	        return new BYOKView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.json = source["json"];
	        this.notes = source["notes"];
	        this.warnings = this.convertValues(source["warnings"], byokconfig.Warning);
	        this.says = source["says"];
	        this.shape = source["shape"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChangeCost {
	    model: string;
	    plan?: string;
	    slot?: string;
	    cost?: string;
	
	    static createFrom(source: any = {}) {
	        return new ChangeCost(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.plan = source["plan"];
	        this.slot = source["slot"];
	        this.cost = source["cost"];
	    }
	}
	export class BigChange {
	    hash: string;
	    subject: string;
	    when: string;
	    files: number;
	    tokens: number;
	    share: number;
	    costs: ChangeCost[];
	
	    static createFrom(source: any = {}) {
	        return new BigChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hash = source["hash"];
	        this.subject = source["subject"];
	        this.when = source["when"];
	        this.files = source["files"];
	        this.tokens = source["tokens"];
	        this.share = source["share"];
	        this.costs = this.convertValues(source["costs"], ChangeCost);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SlotInput {
	    provider: string;
	    model: string;
	    plan?: string;
	    baseURL?: string;
	    temperature?: number;
	    maxOutputTokens?: number;
	    maxInputTokens?: number;
	    reasoningEffort?: string;
	    reasoningConfigOverride?: string;
	    maxConcurrentRequests?: number;
	    openrouterProviderOrder?: string[];
	    openrouterAllowFallbacks?: boolean;
	    vertexLocation?: string;
	    awsRegion?: string;
	    awsAuth?: string;
	
	    static createFrom(source: any = {}) {
	        return new SlotInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.model = source["model"];
	        this.plan = source["plan"];
	        this.baseURL = source["baseURL"];
	        this.temperature = source["temperature"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.maxInputTokens = source["maxInputTokens"];
	        this.reasoningEffort = source["reasoningEffort"];
	        this.reasoningConfigOverride = source["reasoningConfigOverride"];
	        this.maxConcurrentRequests = source["maxConcurrentRequests"];
	        this.openrouterProviderOrder = source["openrouterProviderOrder"];
	        this.openrouterAllowFallbacks = source["openrouterAllowFallbacks"];
	        this.vertexLocation = source["vertexLocation"];
	        this.awsRegion = source["awsRegion"];
	        this.awsAuth = source["awsAuth"];
	    }
	}
	export class ConcurrencyRequest {
	    profile: string;
	    slot: string;
	    config?: SlotInput;
	    workload?: concurrency.Workload;
	    measuredCap?: number;
	    max?: number;
	
	    static createFrom(source: any = {}) {
	        return new ConcurrencyRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.slot = source["slot"];
	        this.config = this.convertValues(source["config"], SlotInput);
	        this.workload = this.convertValues(source["workload"], concurrency.Workload);
	        this.measuredCap = source["measuredCap"];
	        this.max = source["max"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MeasurePlan {
	    available: boolean;
	    reason?: string;
	    method?: string;
	    url?: string;
	    maxOutputTokens?: number;
	    ceiling: number;
	    maxRequests: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new MeasurePlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.available = source["available"];
	        this.reason = source["reason"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.ceiling = source["ceiling"];
	        this.maxRequests = source["maxRequests"];
	        this.note = source["note"];
	    }
	}
	export class ConcurrencyView {
	    profile: string;
	    slot: string;
	    plan: concurrency.Plan;
	    preFill: concurrency.PreFill;
	    setting?: number;
	    advice: concurrency.Advice[];
	    calculator?: concurrency.Calc;
	    measure: MeasurePlan;
	    fieldErrors: profile.FieldError[];
	
	    static createFrom(source: any = {}) {
	        return new ConcurrencyView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.slot = source["slot"];
	        this.plan = this.convertValues(source["plan"], concurrency.Plan);
	        this.preFill = this.convertValues(source["preFill"], concurrency.PreFill);
	        this.setting = source["setting"];
	        this.advice = this.convertValues(source["advice"], concurrency.Advice);
	        this.calculator = this.convertValues(source["calculator"], concurrency.Calc);
	        this.measure = this.convertValues(source["measure"], MeasurePlan);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RepoCost {
	    scanId: string;
	    calls: repocost.Calls;
	
	    static createFrom(source: any = {}) {
	        return new RepoCost(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scanId = source["scanId"];
	        this.calls = this.convertValues(source["calls"], repocost.Calls);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExactTokens {
	    inputTokens: number;
	    outputTokens: number;
	
	    static createFrom(source: any = {}) {
	        return new ExactTokens(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.inputTokens = source["inputTokens"];
	        this.outputTokens = source["outputTokens"];
	    }
	}
	export class CostRequest {
	    assumptions: cost.Assumptions;
	    models: cost.Ref[];
	    all: boolean;
	    profile: string;
	    slotThinking: boolean;
	    exact?: ExactTokens;
	    workload?: cost.Workload;
	    levels: boolean;
	    repo?: RepoCost;
	
	    static createFrom(source: any = {}) {
	        return new CostRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assumptions = this.convertValues(source["assumptions"], cost.Assumptions);
	        this.models = this.convertValues(source["models"], cost.Ref);
	        this.all = source["all"];
	        this.profile = source["profile"];
	        this.slotThinking = source["slotThinking"];
	        this.exact = this.convertValues(source["exact"], ExactTokens);
	        this.workload = this.convertValues(source["workload"], cost.Workload);
	        this.levels = source["levels"];
	        this.repo = this.convertValues(source["repo"], RepoCost);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RepoReport {
	    scan?: repocost.Result;
	    calls: repocost.Calls;
	    tokenizerNote: string;
	    biggest: BigChange[];
	
	    static createFrom(source: any = {}) {
	        return new RepoReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scan = this.convertValues(source["scan"], repocost.Result);
	        this.calls = this.convertValues(source["calls"], repocost.Calls);
	        this.tokenizerNote = source["tokenizerNote"];
	        this.biggest = this.convertValues(source["biggest"], BigChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CostResult {
	    report?: cost.Report;
	    fieldErrors: profile.FieldError[];
	    repo?: RepoReport;
	
	    static createFrom(source: any = {}) {
	        return new CostResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], cost.Report);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	        this.repo = this.convertValues(source["repo"], RepoReport);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DryRunRequest {
	    profile: string;
	    slot: string;
	    config?: SlotInput;
	    apiKey: string;
	    preview: boolean;
	    timeoutMs?: number;
	
	    static createFrom(source: any = {}) {
	        return new DryRunRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.slot = source["slot"];
	        this.config = this.convertValues(source["config"], SlotInput);
	        this.apiKey = source["apiKey"];
	        this.preview = source["preview"];
	        this.timeoutMs = source["timeoutMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DryRunResult {
	    result?: dryrun.Result;
	    fieldErrors: profile.FieldError[];
	    notices: string[];
	    usedStoredKey?: string;
	    worstCase?: string;
	    worstCaseTokens?: number;
	    priceNote?: string;
	
	    static createFrom(source: any = {}) {
	        return new DryRunResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], dryrun.Result);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	        this.notices = source["notices"];
	        this.usedStoredKey = source["usedStoredKey"];
	        this.worstCase = source["worstCase"];
	        this.worstCaseTokens = source["worstCaseTokens"];
	        this.priceNote = source["priceNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EnvVarView {
	    name: string;
	    value: string;
	    secret: boolean;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new EnvVarView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	        this.secret = source["secret"];
	        this.note = source["note"];
	    }
	}
	export class EnvExportView {
	    profile: string;
	    vars: EnvVarView[];
	    preview: string;
	    inferred: envfile.Inference;
	    expected: envfile.Route;
	    routingOK: boolean;
	    warnings: envfile.Warning[];
	    notCarried: envfile.NotCarried[];
	    localEndpoint: boolean;
	    lanAddresses: string[];
	    canTrustSchema: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EnvExportView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.vars = this.convertValues(source["vars"], EnvVarView);
	        this.preview = source["preview"];
	        this.inferred = this.convertValues(source["inferred"], envfile.Inference);
	        this.expected = this.convertValues(source["expected"], envfile.Route);
	        this.routingOK = source["routingOK"];
	        this.warnings = this.convertValues(source["warnings"], envfile.Warning);
	        this.notCarried = this.convertValues(source["notCarried"], envfile.NotCarried);
	        this.localEndpoint = source["localEndpoint"];
	        this.lanAddresses = source["lanAddresses"];
	        this.canTrustSchema = source["canTrustSchema"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EnvInfo {
	    version: string;
	    dataDir: string;
	    keychainBackend: string;
	    keychainDescription: string;
	    needsPassphrase: boolean;
	    keychainProblem?: string;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new EnvInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.keychainBackend = source["keychainBackend"];
	        this.keychainDescription = source["keychainDescription"];
	        this.needsPassphrase = source["needsPassphrase"];
	        this.keychainProblem = source["keychainProblem"];
	        this.error = source["error"];
	    }
	}
	export class EnvInspectView {
	    path: string;
	    report: envfile.Report;
	
	    static createFrom(source: any = {}) {
	        return new EnvInspectView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.report = this.convertValues(source["report"], envfile.Report);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EnvMergePlan {
	    path: string;
	    diff: string;
	    changes: envfile.Change[];
	    current: envfile.Report;
	    inferred: envfile.Inference;
	    digest: string;
	    noChange: boolean;
	    mode?: string;
	    modeWarning?: string;
	
	    static createFrom(source: any = {}) {
	        return new EnvMergePlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.diff = source["diff"];
	        this.changes = this.convertValues(source["changes"], envfile.Change);
	        this.current = this.convertValues(source["current"], envfile.Report);
	        this.inferred = this.convertValues(source["inferred"], envfile.Inference);
	        this.digest = source["digest"];
	        this.noChange = source["noChange"];
	        this.mode = source["mode"];
	        this.modeWarning = source["modeWarning"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EnvOptions {
	    trustJSONSchema: boolean;
	    replaceLocalhost: string;
	
	    static createFrom(source: any = {}) {
	        return new EnvOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trustJSONSchema = source["trustJSONSchema"];
	        this.replaceLocalhost = source["replaceLocalhost"];
	    }
	}
	export class EnvMergeRequest {
	    profile: string;
	    options: EnvOptions;
	    path: string;
	    digest: string;
	    chmod600?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EnvMergeRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.options = this.convertValues(source["options"], EnvOptions);
	        this.path = source["path"];
	        this.digest = source["digest"];
	        this.chmod600 = source["chmod600"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class EnvWriteRequest {
	    profile: string;
	    options: EnvOptions;
	    path: string;
	    full: boolean;
	    force: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EnvWriteRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.options = this.convertValues(source["options"], EnvOptions);
	        this.path = source["path"];
	        this.full = source["full"];
	        this.force = source["force"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EnvWriteResult {
	    path: string;
	    backup?: string;
	    fillIns: envfile.FillIn[];
	    problems: envfile.Problem[];
	    generated: string[];
	    changes: envfile.Change[];
	    notes: string[];
	    exists?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EnvWriteResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.backup = source["backup"];
	        this.fillIns = this.convertValues(source["fillIns"], envfile.FillIn);
	        this.problems = this.convertValues(source["problems"], envfile.Problem);
	        this.generated = source["generated"];
	        this.changes = this.convertValues(source["changes"], envfile.Change);
	        this.notes = source["notes"];
	        this.exists = source["exists"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RoutingSent {
	    order: string[];
	    allowFallbacks?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RoutingSent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = source["order"];
	        this.allowFallbacks = source["allowFallbacks"];
	    }
	}
	export class SlotView {
	    provider: string;
	    model: string;
	    plan?: string;
	    baseURL?: string;
	    temperature?: number;
	    maxOutputTokens?: number;
	    maxInputTokens?: number;
	    reasoningEffort?: string;
	    reasoningConfigOverride?: string;
	    maxConcurrentRequests?: number;
	    openrouterProviderOrder?: string[];
	    openrouterAllowFallbacks?: boolean;
	    vertexLocation?: string;
	    awsRegion?: string;
	    awsAuth?: string;
	    providerName: string;
	    modelName: string;
	    recommended: boolean;
	    planLabel?: string;
	    effectiveBaseURL: string;
	    hasKey: boolean;
	    apiKeyMasked?: string;
	    keyMissing?: boolean;
	    ignored?: string[];
	    mainOnly?: string[];
	    routingSent?: RoutingSent;
	
	    static createFrom(source: any = {}) {
	        return new SlotView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.model = source["model"];
	        this.plan = source["plan"];
	        this.baseURL = source["baseURL"];
	        this.temperature = source["temperature"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.maxInputTokens = source["maxInputTokens"];
	        this.reasoningEffort = source["reasoningEffort"];
	        this.reasoningConfigOverride = source["reasoningConfigOverride"];
	        this.maxConcurrentRequests = source["maxConcurrentRequests"];
	        this.openrouterProviderOrder = source["openrouterProviderOrder"];
	        this.openrouterAllowFallbacks = source["openrouterAllowFallbacks"];
	        this.vertexLocation = source["vertexLocation"];
	        this.awsRegion = source["awsRegion"];
	        this.awsAuth = source["awsAuth"];
	        this.providerName = source["providerName"];
	        this.modelName = source["modelName"];
	        this.recommended = source["recommended"];
	        this.planLabel = source["planLabel"];
	        this.effectiveBaseURL = source["effectiveBaseURL"];
	        this.hasKey = source["hasKey"];
	        this.apiKeyMasked = source["apiKeyMasked"];
	        this.keyMissing = source["keyMissing"];
	        this.ignored = source["ignored"];
	        this.mainOnly = source["mainOnly"];
	        this.routingSent = this.convertValues(source["routingSent"], RoutingSent);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfileView {
	    name: string;
	    main: SlotView;
	    fallback?: SlotView;
	    advice: string[];
	    adviceCodes?: string[];
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new ProfileView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.main = this.convertValues(source["main"], SlotView);
	        this.fallback = this.convertValues(source["fallback"], SlotView);
	        this.advice = source["advice"];
	        this.adviceCodes = source["adviceCodes"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FallbackRemoval {
	    profile: ProfileView;
	    notices: string[];
	
	    static createFrom(source: any = {}) {
	        return new FallbackRemoval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], ProfileView);
	        this.notices = source["notices"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class IgnoreList {
	    lines: string[];
	    default: boolean;
	
	    static createFrom(source: any = {}) {
	        return new IgnoreList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lines = source["lines"];
	        this.default = source["default"];
	    }
	}
	export class ImportResult {
	    profile: ProfileView;
	    notices: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], ProfileView);
	        this.notices = source["notices"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KeyPreview {
	    masked: string;
	    notes: string[];
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.masked = source["masked"];
	        this.notes = source["notes"];
	        this.error = source["error"];
	    }
	}
	export class KodusChange {
	    kind: string;
	    what: string;
	    before?: string;
	    after?: string;
	
	    static createFrom(source: any = {}) {
	        return new KodusChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.what = source["what"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class KodusModelView {
	    id: string;
	    roles: string[];
	    provider: string;
	    providerName: string;
	    model: string;
	    baseURL?: string;
	    keyMasked?: string;
	    credentialId?: string;
	    managed?: boolean;
	    reasoningEffort?: string;
	    customReasoning?: boolean;
	    temperature?: number;
	    maxOutputTokens?: number;
	    maxConcurrentRequests?: number;
	    resolvable?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KodusModelView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.roles = source["roles"];
	        this.provider = source["provider"];
	        this.providerName = source["providerName"];
	        this.model = source["model"];
	        this.baseURL = source["baseURL"];
	        this.keyMasked = source["keyMasked"];
	        this.credentialId = source["credentialId"];
	        this.managed = source["managed"];
	        this.reasoningEffort = source["reasoningEffort"];
	        this.customReasoning = source["customReasoning"];
	        this.temperature = source["temperature"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.maxConcurrentRequests = source["maxConcurrentRequests"];
	        this.resolvable = source["resolvable"];
	    }
	}
	export class KodusConfigView {
	    shape: string;
	    models: KodusModelView[];
	
	    static createFrom(source: any = {}) {
	        return new KodusConfigView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shape = source["shape"];
	        this.models = this.convertValues(source["models"], KodusModelView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KodusApplyPlan {
	    profile: string;
	    line: string;
	    shape: string;
	    usesNow: string;
	    usesAfter: string;
	    before?: KodusConfigView;
	    after?: KodusConfigView;
	    changes: KodusChange[];
	    warnings: byokconfig.Warning[];
	    notes: string[];
	    digest: string;
	
	    static createFrom(source: any = {}) {
	        return new KodusApplyPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.line = source["line"];
	        this.shape = source["shape"];
	        this.usesNow = source["usesNow"];
	        this.usesAfter = source["usesAfter"];
	        this.before = this.convertValues(source["before"], KodusConfigView);
	        this.after = this.convertValues(source["after"], KodusConfigView);
	        this.changes = this.convertValues(source["changes"], KodusChange);
	        this.warnings = this.convertValues(source["warnings"], byokconfig.Warning);
	        this.notes = source["notes"];
	        this.digest = source["digest"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KodusRefusal {
	    status: number;
	    message: string;
	    details: string[];
	    advice?: string;
	
	    static createFrom(source: any = {}) {
	        return new KodusRefusal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.message = source["message"];
	        this.details = source["details"];
	        this.advice = source["advice"];
	    }
	}
	export class KodusApplyResult {
	    plan: KodusApplyPlan;
	    applied: boolean;
	    refusal?: KodusRefusal;
	    test?: kodusapi.TestResult;
	    fallbackTest?: kodusapi.TestResult;
	    testError?: string;
	    statusAfter?: kodusapi.Status;
	    statusSummary?: string;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new KodusApplyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plan = this.convertValues(source["plan"], KodusApplyPlan);
	        this.applied = source["applied"];
	        this.refusal = this.convertValues(source["refusal"], KodusRefusal);
	        this.test = this.convertValues(source["test"], kodusapi.TestResult);
	        this.fallbackTest = this.convertValues(source["fallbackTest"], kodusapi.TestResult);
	        this.testError = source["testError"];
	        this.statusAfter = this.convertValues(source["statusAfter"], kodusapi.Status);
	        this.statusSummary = source["statusSummary"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class KodusEnvPlan {
	    install: kodusinstall.Install;
	    merge: EnvMergePlan;
	    services: string[];
	    restartCommand: string;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new KodusEnvPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.install = this.convertValues(source["install"], kodusinstall.Install);
	        this.merge = this.convertValues(source["merge"], EnvMergePlan);
	        this.services = source["services"];
	        this.restartCommand = source["restartCommand"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KodusEnvRequest {
	    profile: string;
	    dir: string;
	    options: EnvOptions;
	    digest: string;
	    restart: boolean;
	    chmod600?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KodusEnvRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.dir = source["dir"];
	        this.options = this.convertValues(source["options"], EnvOptions);
	        this.digest = source["digest"];
	        this.restart = source["restart"];
	        this.chmod600 = source["chmod600"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KodusVerify {
	    method: string;
	    ok: boolean;
	    overridden?: boolean;
	    source?: string;
	    model?: string;
	    variables?: EnvVarView[];
	    message: string;
	    command?: string;
	
	    static createFrom(source: any = {}) {
	        return new KodusVerify(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.ok = source["ok"];
	        this.overridden = source["overridden"];
	        this.source = source["source"];
	        this.model = source["model"];
	        this.variables = this.convertValues(source["variables"], EnvVarView);
	        this.message = source["message"];
	        this.command = source["command"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KodusRestart {
	    requested: boolean;
	    ran: boolean;
	    ok: boolean;
	    services: string[];
	    command: string;
	    output?: string;
	    error?: string;
	    unavailable?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KodusRestart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requested = source["requested"];
	        this.ran = source["ran"];
	        this.ok = source["ok"];
	        this.services = source["services"];
	        this.command = source["command"];
	        this.output = source["output"];
	        this.error = source["error"];
	        this.unavailable = source["unavailable"];
	    }
	}
	export class KodusEnvResult {
	    plan: KodusEnvPlan;
	    written: EnvWriteResult;
	    restart: KodusRestart;
	    verify?: KodusVerify;
	
	    static createFrom(source: any = {}) {
	        return new KodusEnvResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plan = this.convertValues(source["plan"], KodusEnvPlan);
	        this.written = this.convertValues(source["written"], EnvWriteResult);
	        this.restart = this.convertValues(source["restart"], KodusRestart);
	        this.verify = this.convertValues(source["verify"], KodusVerify);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class KodusSession {
	    signedIn: boolean;
	    url?: string;
	    apiBase?: string;
	    email?: string;
	    // Go type: time
	    signedInAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new KodusSession(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.signedIn = source["signedIn"];
	        this.url = source["url"];
	        this.apiBase = source["apiBase"];
	        this.email = source["email"];
	        this.signedInAt = this.convertValues(source["signedInAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KodusStatusView {
	    kodus: KodusSession;
	    status: kodusapi.Status;
	    byokConfig?: KodusConfigView;
	    summary: string;
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new KodusStatusView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kodus = this.convertValues(source["kodus"], KodusSession);
	        this.status = this.convertValues(source["status"], kodusapi.Status);
	        this.byokConfig = this.convertValues(source["byokConfig"], KodusConfigView);
	        this.summary = source["summary"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class LineSummary {
	    id: string;
	    name: string;
	    release: string;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new LineSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.release = source["release"];
	        this.description = source["description"];
	    }
	}
	export class LineInfo {
	    id: string;
	    name: string;
	    release: string;
	    description: string;
	    source: string;
	    saved?: string;
	    lines: LineSummary[];
	
	    static createFrom(source: any = {}) {
	        return new LineInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.release = source["release"];
	        this.description = source["description"];
	        this.source = source["source"];
	        this.saved = source["saved"];
	        this.lines = this.convertValues(source["lines"], LineSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class MeasureRequest {
	    profile: string;
	    slot: string;
	    config?: SlotInput;
	    apiKey: string;
	    max: number;
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new MeasureRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.slot = source["slot"];
	        this.config = this.convertValues(source["config"], SlotInput);
	        this.apiKey = source["apiKey"];
	        this.max = source["max"];
	        this.id = source["id"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SlotMove {
	    slot: string;
	    from: string;
	    provider: string;
	    providerName: string;
	    model: string;
	    modelName: string;
	    plan?: string;
	    planLabel?: string;
	    reason: string;
	    changes: string[];
	
	    static createFrom(source: any = {}) {
	        return new SlotMove(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.slot = source["slot"];
	        this.from = source["from"];
	        this.provider = source["provider"];
	        this.providerName = source["providerName"];
	        this.model = source["model"];
	        this.modelName = source["modelName"];
	        this.plan = source["plan"];
	        this.planLabel = source["planLabel"];
	        this.reason = source["reason"];
	        this.changes = source["changes"];
	    }
	}
	export class MoveResult {
	    profile: ProfileView;
	    move: SlotMove;
	
	    static createFrom(source: any = {}) {
	        return new MoveResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], ProfileView);
	        this.move = this.convertValues(source["move"], SlotMove);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PriceSaveResult {
	    saved: boolean;
	    price?: cost.Price;
	    fieldErrors: profile.FieldError[];
	
	    static createFrom(source: any = {}) {
	        return new PriceSaveResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.price = this.convertValues(source["price"], cost.Price);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RepoDefaults {
	    sinceDays: number;
	    last: number;
	    contextLines: number;
	    calls: repocost.Calls;
	    ignore: IgnoreList;
	    tokenizer: string;
	    tokenizerNote: string;
	
	    static createFrom(source: any = {}) {
	        return new RepoDefaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sinceDays = source["sinceDays"];
	        this.last = source["last"];
	        this.contextLines = source["contextLines"];
	        this.calls = this.convertValues(source["calls"], repocost.Calls);
	        this.ignore = this.convertValues(source["ignore"], IgnoreList);
	        this.tokenizer = source["tokenizer"];
	        this.tokenizerNote = source["tokenizerNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RepoScanRequest {
	    dir: string;
	    branch: string;
	    sinceDays: number;
	    last: number;
	    ignore: string[];
	    contextLines: number;
	
	    static createFrom(source: any = {}) {
	        return new RepoScanRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.branch = source["branch"];
	        this.sinceDays = source["sinceDays"];
	        this.last = source["last"];
	        this.ignore = source["ignore"];
	        this.contextLines = source["contextLines"];
	    }
	}
	export class RepoScanResult {
	    id: string;
	    scan?: repocost.Result;
	    fieldErrors: profile.FieldError[];
	
	    static createFrom(source: any = {}) {
	        return new RepoScanResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.scan = this.convertValues(source["scan"], repocost.Result);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SaveSlotRequest {
	    profile: string;
	    slot: string;
	    config: SlotInput;
	    apiKey: string;
	
	    static createFrom(source: any = {}) {
	        return new SaveSlotRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.slot = source["slot"];
	        this.config = this.convertValues(source["config"], SlotInput);
	        this.apiKey = source["apiKey"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SaveSlotResult {
	    saved: boolean;
	    profile?: ProfileView;
	    notices: string[];
	    fieldErrors: profile.FieldError[];
	
	    static createFrom(source: any = {}) {
	        return new SaveSlotResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.profile = this.convertValues(source["profile"], ProfileView);
	        this.notices = source["notices"];
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SlotCheck {
	    fieldErrors: profile.FieldError[];
	    fieldWarnings: profile.FieldError[];
	    notices: string[];
	    keptKeyMasked?: string;
	    keyRequired: boolean;
	    mainOnly: string[];
	
	    static createFrom(source: any = {}) {
	        return new SlotCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	        this.fieldWarnings = this.convertValues(source["fieldWarnings"], profile.FieldError);
	        this.notices = source["notices"];
	        this.keptKeyMasked = source["keptKeyMasked"];
	        this.keyRequired = source["keyRequired"];
	        this.mainOnly = source["mainOnly"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class TestSlotRequest {
	    profile: string;
	    slot: string;
	    config: SlotInput;
	    apiKey: string;
	    timeoutMs?: number;
	
	    static createFrom(source: any = {}) {
	        return new TestSlotRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.slot = source["slot"];
	        this.config = this.convertValues(source["config"], SlotInput);
	        this.apiKey = source["apiKey"];
	        this.timeoutMs = source["timeoutMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestSlotResult {
	    result?: keytest.Result;
	    fieldErrors: profile.FieldError[];
	    notices: string[];
	    usedStoredKey?: string;
	
	    static createFrom(source: any = {}) {
	        return new TestSlotResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], keytest.Result);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	        this.notices = source["notices"];
	        this.usedStoredKey = source["usedStoredKey"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ThinkingPreview {
	    providerOptions: {[key: string]: any};
	    notes: string[];
	    problems: thinking.Problem[];
	    error?: string;
	    example: string;
	    says: string;
	    levels: string[];
	    issues: thinking.Issue[];
	
	    static createFrom(source: any = {}) {
	        return new ThinkingPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.providerOptions = source["providerOptions"];
	        this.notes = source["notes"];
	        this.problems = this.convertValues(source["problems"], thinking.Problem);
	        this.error = source["error"];
	        this.example = source["example"];
	        this.says = source["says"];
	        this.levels = source["levels"];
	        this.issues = this.convertValues(source["issues"], thinking.Issue);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace thinking {
	
	export class Issue {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class Problem {
	    line: number;
	    column: number;
	    path?: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.path = source["path"];
	        this.message = source["message"];
	    }
	}

}

