//! What the mouse does, in words, for the list of shortcuts beside the
//! keys of the command table.

/// What the mouse does, for the list of shortcuts: the gesture, and what it
/// does. The modifiers are ones no desktop takes for itself (Alt, which
/// some window managers take for moving windows, works too where free).
pub const GESTURES: [(&str, &str); 13] = [
    (
        "Double-click the canvas",
        "A new claim there (on an empty map, its thesis)",
    ),
    ("Double-click a card", "Edit its text"),
    (
        "Click, Shift+click",
        "Select a claim or a link; add to or take from the selection",
    ),
    (
        "Shift+drag the background",
        "Select the claims inside a box",
    ),
    ("Drag a card", "Move it, with the rest of the selection"),
    (
        "Drag a card onto another",
        "It becomes a reason of that claim; with Shift, an objection",
    ),
    (
        "Drag a card's round handle onto a card",
        "Connect: a support; with Shift, an attack",
    ),
    (
        "Drag the handle onto a link",
        "Object to that inference (an undercut)",
    ),
    (
        "Ctrl+drag the handle onto a premise",
        "Join that premise's link as a co-premise",
    ),
    ("Drag the background, or the middle button", "Pan"),
    ("Ctrl+wheel, or pinch", "Zoom at the pointer"),
    ("Right-click a card, a link or the canvas", "Its menu"),
    ("Click a line of the outline", "Go to its claim"),
];
