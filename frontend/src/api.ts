// Thin typed wrapper over the Wails-generated bindings (frontend/wailsjs).
// Components reach the backend only through the Api interface, taken from
// ApiContext, so unit tests can hand them a fake with the same shape.
import { createContext, useContext } from 'react';
import * as Concurrency from '../wailsjs/go/bindings/Concurrency';
import * as Costs from '../wailsjs/go/bindings/Costs';
import * as Exports from '../wailsjs/go/bindings/Exports';
import * as Keys from '../wailsjs/go/bindings/Keys';
import * as Lines from '../wailsjs/go/bindings/Lines';
import * as Profiles from '../wailsjs/go/bindings/Profiles';
import * as Repos from '../wailsjs/go/bindings/Repos';
import * as Setup from '../wailsjs/go/bindings/Setup';
import * as Tests from '../wailsjs/go/bindings/Tests';
import { catalog, concurrency, cost, discover, doctor, dryrun, envfile, keyshape, keytest, profile, repocost, studio, thinking } from '../wailsjs/go/models';
import { EventsOn } from '../wailsjs/runtime/runtime';
import { completeInput } from './lib/slotForm';

/** Strips the generated classes' helper methods: plain JSON data. */
export type Data<T> = T extends (infer U)[] ? Data<U>[] : T extends object ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Data<T[K]> } : T;

export type Catalog = Data<catalog.Catalog>;
export type CatalogModel = Data<catalog.Model>;
export type Provider = Data<catalog.Provider>;
export type Variant = Data<catalog.Variant>;
/** A slot's settings as Go sends them: settings left empty are left out. */
export type SlotSettings = Data<studio.SlotInput>;
type TextSettings = { [K in keyof SlotSettings]-?: NonNullable<SlotSettings[K]> extends number | boolean ? never : K }[keyof SlotSettings];
/** A slot's settings as the GUI holds them: every text and list setting present ('' or [] when unset). */
export type SlotInput = SlotSettings & Required<Pick<SlotSettings, TextSettings>>;
export type SlotView = Data<studio.SlotView>;
export type ProfileView = Data<studio.ProfileView>;
export type FieldError = Data<profile.FieldError>;
export type SaveSlotRequest = Data<studio.SaveSlotRequest>;
export type SaveSlotResult = Data<studio.SaveSlotResult>;
export type SlotCheck = Data<studio.SlotCheck>;
export type KeyPreview = Data<studio.KeyPreview>;
export type EnvInfo = Data<studio.EnvInfo>;
export type FallbackRemoval = Data<studio.FallbackRemoval>;
export type DoctorReport = Data<doctor.Report>;
export type KeyVerdict = Data<keyshape.Verdict>;
export type KeySuggestion = Data<keyshape.Suggestion>;
export type DiscoverRequest = Data<discover.Request>;
export type DiscoverResult = Data<discover.Result>;
export type LocalServer = Data<discover.Server>;
export type LocalModel = Data<discover.Model>;
export type CostAssumptions = Data<cost.Assumptions>;
export type CostRef = Data<cost.Ref>;
export type CostRequest = Data<studio.CostRequest>;
export type CostResult = Data<studio.CostResult>;
export type CostReport = Data<cost.Report>;
export type CostRow = Data<cost.Row>;
export type ManualPrice = Data<cost.ManualPrice>;
export type PriceSaveResult = Data<studio.PriceSaveResult>;
export type KeyTestResult = Data<keytest.Result>;
export type KeyTestProbe = Data<keytest.Probe>;
export type TestSlotRequest = Data<studio.TestSlotRequest>;
export type TestSlotResult = Data<studio.TestSlotResult>;
export type EnvOptions = Data<studio.EnvOptions>;
export type EnvExportView = Data<studio.EnvExportView>;
export type EnvWriteRequest = Data<studio.EnvWriteRequest>;
export type EnvWriteResult = Data<studio.EnvWriteResult>;
export type EnvMergeRequest = Data<studio.EnvMergeRequest>;
export type EnvMergePlan = Data<studio.EnvMergePlan>;
export type EnvInspectView = Data<studio.EnvInspectView>;
export type EnvReport = Data<envfile.Report>;
export type EnvWarning = Data<envfile.Warning>;
export type ImportResult = Data<studio.ImportResult>;
export type BYOKView = Data<studio.BYOKView>;
export type ThinkingPreview = Data<studio.ThinkingPreview>;
export type LineInfo = Data<studio.LineInfo>;
export type SlotMove = Data<studio.SlotMove>;
export type MoveResult = Data<studio.MoveResult>;
export type ThinkingProblem = Data<thinking.Problem>;
export type RepoScanRequest = Data<studio.RepoScanRequest>;
export type RepoScanResult = Data<studio.RepoScanResult>;
export type RepoScan = Data<repocost.Result>;
/** The scan is always set in a report (a Go pointer, hence optional in the bindings). */
export type RepoReport = Data<studio.RepoReport> & { scan: RepoScan };
export type RepoDefaults = Data<studio.RepoDefaults>;
export type BigChange = Data<studio.BigChange>;
/** A running scan's progress (Go's repocost.Progress, sent as an event). */
export interface RepoProgress {
  phase: 'history' | 'measure';
  commits: number;
  measured: number;
  total: number;
}
export type DryRunRequest = Data<studio.DryRunRequest>;
export type DryRunResult = Data<studio.DryRunResult>;
export type DryRun = Data<dryrun.Result>;
export type ConcurrencyRequest = Data<studio.ConcurrencyRequest>;
export type ConcurrencyView = Data<studio.ConcurrencyView>;
export type MeasureRequest = Data<studio.MeasureRequest>;
export type ConcurrencyReport = Data<concurrency.Report>;
export type ConcurrencyCalc = Data<concurrency.Calc>;
export type ConcurrencyAdvice = Data<concurrency.Advice>;
export type ConcurrencyWorkload = Data<concurrency.Workload>;
/** A running measurement's progress (Go: concurrency.Progress). */
export interface ConcurrencyProgress {
  round: number;
  target: number;
  sent: number;
  accepted: number;
  rejected: number;
  inFlight: number;
  requests: number;
  maxRequests: number;
  good: number;
  bad: number;
  waitMs?: number;
  phase: 'sending' | 'burst' | 'waiting' | 'done';
  message: string;
}
/** The concurrency:progress event (Go: studio.ConcurrencyProgress). */
export interface ConcurrencyProgressEvent {
  id: string;
  progress: ConcurrencyProgress;
}

export type SlotName = 'main' | 'fallback';

export interface Api {
  environment(): Promise<EnvInfo>;
  unlockKeychain(passphrase: string): Promise<void>;
  doctor(): Promise<DoctorReport>;
  catalog(): Promise<Catalog>;
  /** The Kodus release line every preview, test and export follows. */
  kodusLine(): Promise<LineInfo>;
  setKodusLine(id: string): Promise<LineInfo>;
  /** Slots the line's Kodus now recommends moving, and moving one. */
  slotMoves(profile: string): Promise<SlotMove[]>;
  moveSlot(profile: string, slot: SlotName): Promise<MoveResult>;
  draft(modelID: string, plan: string): Promise<SlotInput>;
  checkSlot(profile: string, slot: SlotName, input: SlotInput): Promise<SlotCheck>;
  previewKey(raw: string): Promise<KeyPreview>;
  profiles(): Promise<ProfileView[]>;
  profile(name: string): Promise<ProfileView>;
  slotInput(name: string, slot: SlotName): Promise<SlotInput>;
  saveSlot(req: SaveSlotRequest): Promise<SaveSlotResult>;
  deleteProfile(name: string): Promise<string[]>;
  deleteFallback(name: string): Promise<FallbackRemoval>;
  openURL(url: string): Promise<void>;
  checkKey(raw: string, input: SlotInput): Promise<KeyVerdict>;
  discoverServers(req: DiscoverRequest): Promise<DiscoverResult>;
  costDefaults(): Promise<CostAssumptions>;
  estimateCost(req: CostRequest): Promise<CostResult>;
  setPrice(price: ManualPrice): Promise<PriceSaveResult>;
  unsetPrice(model: string, plan: string): Promise<void>;
  testSlotSettings(req: TestSlotRequest): Promise<TestSlotResult>;
  testProfileSlot(name: string, slot: SlotName): Promise<KeyTestResult>;
  describeKeyTest(input: SlotInput, key: string): Promise<KeyTestProbe>;
  exportEnv(profile: string, opts: EnvOptions): Promise<EnvExportView>;
  copyEnvBlock(profile: string, opts: EnvOptions): Promise<void>;
  writeEnv(req: EnvWriteRequest): Promise<EnvWriteResult>;
  planEnvMerge(req: EnvMergeRequest): Promise<EnvMergePlan>;
  applyEnvMerge(req: EnvMergeRequest): Promise<EnvWriteResult>;
  inspectEnv(path: string): Promise<EnvInspectView>;
  importEnv(path: string, profile: string): Promise<ImportResult>;
  byokJSON(profile: string): Promise<BYOKView>;
  writeBYOKFile(profile: string, path: string, withKeys: boolean, force: boolean): Promise<EnvWriteResult>;
  previewThinking(slot: SlotName, input: SlotInput): Promise<ThinkingPreview>;
  repoDefaults(): Promise<RepoDefaults>;
  pickRepoFolder(): Promise<string>;
  scanRepo(req: RepoScanRequest): Promise<RepoScanResult>;
  cancelRepoScan(): Promise<void>;
  saveRepoIgnore(lines: string[]): Promise<FieldError[]>;
  /** Calls back with each progress report of a running scan; returns the unsubscribe. */
  onRepoProgress(cb: (p: RepoProgress) => void): () => void;
  dryRunSlot(req: DryRunRequest): Promise<DryRunResult>;
  concurrencyInfo(req: ConcurrencyRequest): Promise<ConcurrencyView>;
  measureConcurrency(req: MeasureRequest): Promise<ConcurrencyReport>;
  cancelConcurrencyMeasure(id: string): Promise<void>;
  /** Subscribes to measurement progress; returns the unsubscribe. */
  onConcurrencyProgress(cb: (e: ConcurrencyProgressEvent) => void): () => void;
  /** Calls back when the profile database changed on disk (the command line saved); returns the unsubscribe. */
  onProfilesChanged(cb: () => void): () => void;
}

/** Wails rejects a promise with the Go error's text; make it an Error. */
export async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw e instanceof Error ? e : new Error(String(e));
  }
}

export const wailsApi: Api = {
  environment: () => call(Setup.Environment()),
  unlockKeychain: (p) => call(Setup.UnlockKeychain(p)),
  doctor: () => call(Setup.Doctor()),
  catalog: () => call(Lines.Catalog()),
  kodusLine: () => call(Lines.KodusLine()),
  setKodusLine: (id) => call(Lines.SetKodusLine(id)),
  slotMoves: (p) => call(Lines.SlotMoves(p)).then((m) => m ?? []),
  moveSlot: (p, slot) => call(Lines.MoveSlot(p, slot)),
  draft: (m, p) => call(Profiles.Draft(m, p)).then(completeInput),
  checkSlot: (p, slot, input) => call(Profiles.CheckSlot(p, slot, studio.SlotInput.createFrom(input))),
  previewKey: (raw) => call(Keys.PreviewKey(raw)),
  profiles: () => call(Profiles.Profiles()).then((p) => p ?? []),
  profile: (name) => call(Profiles.Profile(name)),
  slotInput: (name, slot) => call(Profiles.SlotInput(name, slot)).then(completeInput),
  saveSlot: (req) => call(Profiles.SaveSlot(studio.SaveSlotRequest.createFrom(req))),
  deleteProfile: (name) => call(Profiles.DeleteProfile(name)).then((n) => n ?? []),
  deleteFallback: (name) => call(Profiles.DeleteFallback(name)),
  openURL: (url) => call(Setup.OpenURL(url)),
  checkKey: (raw, input) => call(Keys.CheckKey(raw, studio.SlotInput.createFrom(input))),
  discoverServers: (req) => call(Profiles.DiscoverServers(discover.Request.createFrom(req))),
  costDefaults: () => call(Costs.CostDefaults()),
  estimateCost: (req) => call(Costs.EstimateCost(studio.CostRequest.createFrom(req))),
  setPrice: (price) => call(Costs.SetPrice(cost.ManualPrice.createFrom(price))),
  unsetPrice: (model, plan) => call(Costs.UnsetPrice(model, plan)),
  testSlotSettings: (req) => call(Tests.TestSlotSettings(studio.TestSlotRequest.createFrom(req))),
  testProfileSlot: (name, slot) => call(Tests.TestProfileSlot(name, slot)),
  describeKeyTest: (input, key) => call(Tests.DescribeKeyTest(studio.SlotInput.createFrom(input), key)),
  exportEnv: (p, o) => call(Exports.ExportEnv(p, studio.EnvOptions.createFrom(o))),
  copyEnvBlock: (p, o) => call(Exports.CopyEnvBlock(p, studio.EnvOptions.createFrom(o))),
  writeEnv: (req) => call(Exports.WriteEnv(studio.EnvWriteRequest.createFrom(req))),
  planEnvMerge: (req) => call(Exports.PlanEnvMerge(studio.EnvMergeRequest.createFrom(req))),
  applyEnvMerge: (req) => call(Exports.ApplyEnvMerge(studio.EnvMergeRequest.createFrom(req))),
  inspectEnv: (path) => call(Exports.InspectEnv(path)),
  importEnv: (path, p) => call(Exports.ImportEnv(path, p)),
  byokJSON: (p) => call(Exports.BYOKJSON(p)),
  writeBYOKFile: (p, path, withKeys, force) => call(Exports.WriteBYOKFile(p, path, withKeys, force)),
  previewThinking: (slot, input) => call(Profiles.PreviewThinking(slot, studio.SlotInput.createFrom(input))),
  repoDefaults: () => call(Repos.RepoDefaults()),
  pickRepoFolder: () => call(Repos.PickRepoFolder()),
  scanRepo: (req) => call(Repos.ScanRepo(studio.RepoScanRequest.createFrom(req))),
  cancelRepoScan: () => call(Repos.CancelRepoScan()),
  saveRepoIgnore: (lines) => call(Repos.SaveRepoIgnore(lines)).then((f) => f ?? []),
  onRepoProgress: (cb) => EventsOn('repocost:progress', (p: RepoProgress) => cb(p)),
  dryRunSlot: (req) => call(Tests.DryRunSlot(studio.DryRunRequest.createFrom(req))),
  concurrencyInfo: (req) => call(Concurrency.ConcurrencyInfo(studio.ConcurrencyRequest.createFrom(req))),
  measureConcurrency: (req) => call(Concurrency.MeasureConcurrency(studio.MeasureRequest.createFrom(req))),
  cancelConcurrencyMeasure: (id) => call(Concurrency.CancelConcurrencyMeasure(id)),
  onConcurrencyProgress: (cb) => EventsOn('concurrency:progress', (e: ConcurrencyProgressEvent) => cb(e)),
  onProfilesChanged: (cb) => EventsOn('profiles:changed', () => cb()),
};

export const ApiContext = createContext<Api>(wailsApi);

export function useApi(): Api {
  return useContext(ApiContext);
}
