//! How a map looks, independent of any window: where cards and links go,
//! their colours, and drawings of the whole map (SVG, PNG, PDF) built from
//! the same geometry and text measurement as the canvas.

pub mod flow;
pub mod framing;
pub mod geometry;
mod grid;
pub mod handout;
pub mod handout_outline;
pub mod link_look;
pub mod outline;
pub mod raster;
pub mod route;
pub mod shape;
mod slide_quotes;
pub mod style;
pub mod svg;
