export namespace catalog {
	
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
	    providerDisplayName?: string;
	    tier: string;
	    recommendationLabel?: string;
	    description: string;
	    contextWindow: number;
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
	        this.providerDisplayName = source["providerDisplayName"];
	        this.tier = source["tier"];
	        this.recommendationLabel = source["recommendationLabel"];
	        this.description = source["description"];
	        this.contextWindow = source["contextWindow"];
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
	    }
	}
	export class Catalog {
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

export namespace studio {
	
	export class EnvInfo {
	    version: string;
	    dataDir: string;
	    keychainBackend: string;
	    keychainDescription: string;
	    needsPassphrase: boolean;
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
	        this.error = source["error"];
	    }
	}
	export class SlotView {
	    provider: string;
	    providerName: string;
	    model: string;
	    modelName: string;
	    recommended: boolean;
	    plan?: string;
	    planLabel?: string;
	    baseURL?: string;
	    effectiveBaseURL: string;
	    temperature?: number;
	    maxOutputTokens?: number;
	    maxInputTokens?: number;
	    reasoningEffort?: string;
	    reasoningConfigOverride?: string;
	    maxConcurrentRequests?: number;
	    openrouterProviderOrder?: string[];
	    openrouterAllowFallbacks?: boolean;
	    vertexLocation?: string;
	    hasKey: boolean;
	    apiKeyMasked?: string;
	
	    static createFrom(source: any = {}) {
	        return new SlotView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.providerName = source["providerName"];
	        this.model = source["model"];
	        this.modelName = source["modelName"];
	        this.recommended = source["recommended"];
	        this.plan = source["plan"];
	        this.planLabel = source["planLabel"];
	        this.baseURL = source["baseURL"];
	        this.effectiveBaseURL = source["effectiveBaseURL"];
	        this.temperature = source["temperature"];
	        this.maxOutputTokens = source["maxOutputTokens"];
	        this.maxInputTokens = source["maxInputTokens"];
	        this.reasoningEffort = source["reasoningEffort"];
	        this.reasoningConfigOverride = source["reasoningConfigOverride"];
	        this.maxConcurrentRequests = source["maxConcurrentRequests"];
	        this.openrouterProviderOrder = source["openrouterProviderOrder"];
	        this.openrouterAllowFallbacks = source["openrouterAllowFallbacks"];
	        this.vertexLocation = source["vertexLocation"];
	        this.hasKey = source["hasKey"];
	        this.apiKeyMasked = source["apiKeyMasked"];
	    }
	}
	export class ProfileView {
	    name: string;
	    main: SlotView;
	    fallback?: SlotView;
	    advice: string[];
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
	
	export class SlotInput {
	    provider: string;
	    model: string;
	    plan: string;
	    baseURL: string;
	    temperature?: number;
	    maxOutputTokens?: number;
	    maxInputTokens?: number;
	    reasoningEffort: string;
	    reasoningConfigOverride: string;
	    maxConcurrentRequests?: number;
	    openrouterProviderOrder: string[];
	    openrouterAllowFallbacks?: boolean;
	    vertexLocation: string;
	
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
	    notices: string[];
	    keptKeyMasked?: string;
	    keyRequired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SlotCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fieldErrors = this.convertValues(source["fieldErrors"], profile.FieldError);
	        this.notices = source["notices"];
	        this.keptKeyMasked = source["keptKeyMasked"];
	        this.keyRequired = source["keyRequired"];
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

