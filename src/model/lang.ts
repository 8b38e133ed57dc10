/** The languages of the tabs, the slides and the user interfaces: Swedish first. */
export type Lang = "sv" | "en";
