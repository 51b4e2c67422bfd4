// GET …/smart-style.json — the styling hints the token response's smart_style_url points to.
import { CORS_HEADERS } from "@/lib/oauth/oauth-response";

export function GET() {
  return Response.json(
    {
      color_background: "#f8fafc",
      color_error: "#b91c1c",
      color_highlight: "#0f766e",
      color_modal_backdrop: "",
      color_success: "#15803d",
      color_text: "#0f172a",
      dim_border_radius: "8px",
      dim_font_size: "16px",
      dim_spacing_size: "16px",
      font_family_body: "system-ui, sans-serif",
      font_family_heading: "system-ui, sans-serif",
    },
    { headers: CORS_HEADERS },
  );
}
