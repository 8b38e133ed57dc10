// Colours and directions of goal fulfilment (DOMAIN.md §2).

/** green ≥ 100 % of target, yellow 80–99 %, red < 80 %, grey not measured (the thresholds are settings). */
export type Rating = "green" | "yellow" | "red" | "grey";

/** How a status text is coloured: a rating, or grey until the end date has passed (then red). */
export type StatusRating = Rating | "greyUntilEnd";

/** Whether a higher or a lower outcome is better. */
export type Direction = "higher" | "lower";
