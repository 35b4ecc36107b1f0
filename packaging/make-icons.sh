#!/usr/bin/env bash
# Draws the Encore app icon (an autoencoder: five inputs, a two-node bottleneck, five outputs, on a rounded
# indigo-to-teal square) and writes it in the formats the installers need: PNG sizes (Linux, jpackage),
# .ico (Windows) and .icns (macOS). Needs ImageMagick 6 (convert) and icnsutils (png2icns).
# The outputs are committed under assets/icons/, so this runs only when the design changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/assets/icons"
# /usr/bin first: some machines shadow convert with a stand-in in /usr/local/bin.
CONVERT="${CONVERT:-$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert)}"
command -v png2icns >/dev/null || { echo "make-icons: png2icns missing (apt-get install icnsutils)" >&2; exit 1; }
"$CONVERT" -version | grep -q ImageMagick || { echo "make-icons: ImageMagick convert not found" >&2; exit 1; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
S=1024

# Background: a diagonal gradient clipped to a rounded square with a transparent margin.
"$CONVERT" -size ${S}x${S} xc: -sparse-color Barycentric '0,0 #4338ca 1023,1023 #0f766e' "$work/grad.png"
"$CONVERT" -size ${S}x${S} xc:none -fill white -draw "roundrectangle 64,64 959,959 196,196" "$work/mask.png"
"$CONVERT" "$work/grad.png" "$work/mask.png" -alpha off -compose CopyOpacity -composite "$work/bg.png"

# Foreground: the network. Outer layers at x=292 and x=732, bottleneck at x=512.
outer_y=(292 402 512 622 732); mid_y=(432 592)
edges=""; nodes=""
for y in "${outer_y[@]}"; do
  for m in "${mid_y[@]}"; do
    edges+=" line 292,$y 512,$m line 512,$m 732,$y"
  done
  nodes+=" circle 292,$y 330,$y circle 732,$y 770,$y"
done
bottleneck=""
for m in "${mid_y[@]}"; do bottleneck+=" circle 512,$m 562,$m"; done

"$CONVERT" "$work/bg.png" \
  -stroke 'rgba(255,255,255,0.45)' -strokewidth 12 -fill none -draw "$edges" \
  -stroke none -fill white -draw "$nodes" \
  -fill '#fbbf24' -draw "$bottleneck" \
  "$work/icon-1024.png"

for size in 16 32 48 64 128 256 512 1024; do
  "$CONVERT" "$work/icon-1024.png" -filter Lanczos -resize ${size}x${size} -strip "PNG32:$out/encore-$size.png"
done
cp "$out/encore-256.png" "$out/encore.png"
"$CONVERT" "$out/encore-16.png" "$out/encore-32.png" "$out/encore-48.png" "$out/encore-64.png" \
  "$out/encore-128.png" "$out/encore-256.png" "$out/encore.ico"
png2icns "$out/encore.icns" "$out/encore-16.png" "$out/encore-32.png" "$out/encore-48.png" \
  "$out/encore-128.png" "$out/encore-256.png" "$out/encore-512.png" "$out/encore-1024.png" >/dev/null
rm -f "$out/encore-1024.png" # only the .icns needs it; keeps the repository small
ls -l "$out"
