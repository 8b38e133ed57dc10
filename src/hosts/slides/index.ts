export { renderDeck, type DeckOptions } from "./deck";
export { deckLayout, type DeckLayout, type SlideLayout } from "./layout";
