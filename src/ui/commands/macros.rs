//! The macros the command table is written with: a shortcut as a
//! constant (`key!`), and the table itself (`command_table!`), which makes
//! the enum of commands and each one's entry; and the modifiers the
//! table's shortcuts are written with.

use egui::Modifiers;

pub(super) const NONE: Modifiers = Modifiers::NONE;
pub(super) const SHIFT: Modifiers = Modifiers::SHIFT;
pub(super) const ALT: Modifiers = Modifiers::ALT;
pub(super) const COMMAND: Modifiers = Modifiers::COMMAND;
pub(super) const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// A shortcut as a constant expression: `key!(COMMAND, S)`.
macro_rules! key {
    ($modifiers:ident, $key:ident) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: Key::$key,
        }
    };
}

/// The enum, its list in table order, and each command's [`Spec`] (one
/// exhaustive match, made here).
macro_rules! command_table {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident {
            group: $group:ident,
            label: $label:literal,
            tooltip: $tooltip:literal
            $(, $field:ident: $value:expr)* $(,)?
        },
    )*) => {
        /// A command the user can give from a menu, a button, the palette
        /// or the keyboard.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum UiCommand {
            $( $(#[doc = $doc])* $name, )*
        }

        impl UiCommand {
            /// Every command, in table order: group by group, each group in
            /// the order a user meets its commands.
            pub const ALL: &'static [Self] = &[$(Self::$name),*];

            /// The command's entry in the table.
            pub fn spec(self) -> &'static Spec {
                match self {
                    $(Self::$name => const {
                        &Spec {
                            name: stringify!($name),
                            group: Group::$group,
                            label: $label,
                            tooltip: $tooltip,
                            $($field: $value,)*
                            ..Spec::DEFAULT
                        }
                    },)*
                }
            }
        }
    };
}
