//! `string_enum!`: an enum of Kubernetes' own words (`Always`, `Running`, `CrashLoopBackOff`)
//! that is read and written as those words (serde, `Display`), so a value is typed once it
//! has been read and compared as a value, never as a string, after that.

/// Declares `enum Name { Variant = "word", … }` with `as_str`, `parse`, `ALL`, `NAMES`,
/// `Display`, `Serialize` and `Deserialize` (an unknown word is an error naming the words
/// that are accepted).
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every value's word, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($word),+];

            /// The word Kubernetes writes for this value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }

            /// The value for `word` (exact, case-sensitive, as the apiserver compares).
            pub fn parse(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = <String as serde::Deserialize>::deserialize(d)?;
                $name::parse(&word).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&word, $name::NAMES)
                })
            }
        }
    };
}

pub(crate) use string_enum;

#[cfg(test)]
mod tests {
    string_enum! {
        enum Colour {
            Red = "red",
            DeepBlue = "DeepBlue",
        }
    }

    #[test]
    fn words_round_trip() {
        for c in Colour::ALL {
            assert_eq!(Colour::parse(c.as_str()), Some(*c));
            let json = serde_json::to_string(c).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Colour>(&json).ok(), Some(*c));
        }
        assert_eq!(Colour::parse("Red"), None, "case matters");
        assert_eq!(Colour::DeepBlue.to_string(), "DeepBlue");
        let err = serde_json::from_str::<Colour>("\"green\"")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("unknown variant `green`"), "{err}");
    }
}
