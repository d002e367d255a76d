// Thin typed wrapper over the Wails-generated bindings (frontend/wailsjs).
// Components reach the backend only through the Api interface, taken from
// ApiContext, so unit tests can hand them a fake with the same shape.
import { createContext, useContext } from 'react';
import * as App from '../wailsjs/go/main/App';
import { catalog, doctor, profile, studio, thinking } from '../wailsjs/go/models';

/** Strips the generated classes' helper methods: plain JSON data. */
export type Data<T> = T extends (infer U)[]
  ? Data<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Data<T[K]> }
    : T;

export type Catalog = Data<catalog.Catalog>;
export type CatalogModel = Data<catalog.Model>;
export type Provider = Data<catalog.Provider>;
export type Variant = Data<catalog.Variant>;
export type SlotInput = Data<studio.SlotInput>;
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
export type ThinkingPreview = Data<studio.ThinkingPreview>;
export type ThinkingProblem = Data<thinking.Problem>;

export type SlotName = 'main' | 'fallback';

export interface Api {
  environment(): Promise<EnvInfo>;
  unlockKeychain(passphrase: string): Promise<void>;
  doctor(): Promise<DoctorReport>;
  catalog(): Promise<Catalog>;
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
  previewThinking(slot: SlotName, input: SlotInput): Promise<ThinkingPreview>;
}

/** Wails rejects a promise with the Go error's text; make it an Error. */
async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw e instanceof Error ? e : new Error(String(e));
  }
}

export const wailsApi: Api = {
  environment: () => call(App.Environment()),
  unlockKeychain: (p) => call(App.UnlockKeychain(p)),
  doctor: () => call(App.Doctor()),
  catalog: () => call(App.Catalog()),
  draft: (m, p) => call(App.Draft(m, p)),
  checkSlot: (p, slot, input) => call(App.CheckSlot(p, slot, studio.SlotInput.createFrom(input))),
  previewKey: (raw) => call(App.PreviewKey(raw)),
  profiles: () => call(App.Profiles()).then((p) => p ?? []),
  profile: (name) => call(App.Profile(name)),
  slotInput: (name, slot) => call(App.SlotInput(name, slot)),
  saveSlot: (req) => call(App.SaveSlot(studio.SaveSlotRequest.createFrom(req))),
  deleteProfile: (name) => call(App.DeleteProfile(name)).then((n) => n ?? []),
  deleteFallback: (name) => call(App.DeleteFallback(name)),
  openURL: (url) => call(App.OpenURL(url)),
  previewThinking: (slot, input) => call(App.PreviewThinking(slot, studio.SlotInput.createFrom(input))),
};

export const ApiContext = createContext<Api>(wailsApi);

export function useApi(): Api {
  return useContext(ApiContext);
}
