// The preview shows cells as the slides do: one formatter, kept with the slides adapter.
export { blockAt, cellText } from "../hosts/slides/cellText";
