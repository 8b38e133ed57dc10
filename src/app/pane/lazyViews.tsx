import { lazy } from "react";

export const loadViews = () => import(/* webpackChunkName: "views" */ "./views");

export const SheetList = lazy(() => loadViews().then((m) => ({ default: m.SheetList })));
export const SettingsPanel = lazy(() => loadViews().then((m) => ({ default: m.SettingsPanel })));
export const ResultView = lazy(() => loadViews().then((m) => ({ default: m.ResultView })));
export const ExportPanel = lazy(() => loadViews().then((m) => ({ default: m.ExportPanel })));
