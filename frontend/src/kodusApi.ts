// The Kodus view's backend: sign in to the running Kodus, read what it uses,
// apply a profile to its install's .env. A context of its own, so tests hand
// the view a fake without the rest of the Api.
import { createContext, useContext } from 'react';
import * as Kodus from '../wailsjs/go/bindings/Kodus';
import { bindings, byokconfig, kodusapi, kodusinstall, studio } from '../wailsjs/go/models';
import { EventsOn } from '../wailsjs/runtime/runtime';
import { call, type Data } from './api';

export type KodusSession = Data<studio.KodusSession>;
export type KodusLoginRequest = Data<bindings.KodusLoginRequest>;
export type KodusStatusView = Data<studio.KodusStatusView>;
export type KodusStatus = Data<kodusapi.Status>;
export type KodusConfigView = Data<studio.KodusConfigView>;
export type KodusModelView = Data<studio.KodusModelView>;
export type KodusFindResult = Data<kodusinstall.FindResult>;
export type KodusInstall = Data<kodusinstall.Install>;
export type KodusEnvRequest = Data<studio.KodusEnvRequest>;
export type KodusEnvPlan = Data<studio.KodusEnvPlan>;
export type KodusEnvResult = Data<studio.KodusEnvResult>;
export type KodusVerify = Data<studio.KodusVerify>;
export type KodusApplyPlan = Data<studio.KodusApplyPlan>;
export type KodusApplyResult = Data<studio.KodusApplyResult>;
export type KodusChange = Data<studio.KodusChange>;
export type KodusTestResult = Data<kodusapi.TestResult>;
export type BYOKWarning = Data<byokconfig.Warning>;
/** A kodus:compose event (Go: studio.KodusComposeLine). */
export interface KodusComposeLine {
  seq: number;
  line: string;
}

export interface KodusApi {
  session(): Promise<KodusSession>;
  login(req: KodusLoginRequest): Promise<KodusSession>;
  logout(): Promise<string[]>;
  status(): Promise<KodusStatusView>;
  find(): Promise<KodusFindResult>;
  inspectDir(dir: string): Promise<KodusInstall>;
  pickFolder(): Promise<string>;
  planEnv(req: KodusEnvRequest): Promise<KodusEnvPlan>;
  applyEnv(req: KodusEnvRequest): Promise<KodusEnvResult>;
  planApply(profile: string): Promise<KodusApplyPlan>;
  apply(profile: string, digest: string): Promise<KodusApplyResult>;
  /** Compose's output lines while applyEnv recreates the services, numbered in order; returns the unsubscribe. */
  onComposeLine(cb: (line: KodusComposeLine) => void): () => void;
}

export const wailsKodusApi: KodusApi = {
  session: () => call(Kodus.KodusSession()),
  login: (req) => call(Kodus.KodusLogin(bindings.KodusLoginRequest.createFrom(req))),
  logout: () => call(Kodus.KodusLogout()).then((n) => n ?? []),
  status: () => call(Kodus.KodusStatus()),
  find: () => call(Kodus.FindKodus()),
  inspectDir: (dir) => call(Kodus.InspectKodusDir(dir)),
  pickFolder: () => call(Kodus.PickKodusFolder()),
  planEnv: (req) => call(Kodus.PlanKodusEnv(studio.KodusEnvRequest.createFrom(req))),
  applyEnv: (req) => call(Kodus.ApplyKodusEnv(studio.KodusEnvRequest.createFrom(req))),
  planApply: (p) => call(Kodus.PlanKodusApply(p)),
  apply: (p, digest) => call(Kodus.ApplyToKodus(p, digest)),
  onComposeLine: (cb) => EventsOn('kodus:compose', (l: KodusComposeLine) => cb(l)),
};

export const KodusApiContext = createContext<KodusApi>(wailsKodusApi);

export function useKodusApi(): KodusApi {
  return useContext(KodusApiContext);
}
