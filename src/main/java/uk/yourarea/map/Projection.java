package uk.yourarea.map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Longitude and latitude to the whole units of an SVG picture {@code width} units wide,
 * north up: longitude shrunk by the cosine of the latitude in the middle, which at a
 * county's size is as true as any map projection.
 */
record Projection(Envelope box, int width, int height, double scale, double squash) {

	static Projection of(Envelope box, int width) {
		double squash = Math.cos(Math.toRadians(box.centre().y));
		double scale = width / (box.getWidth() * squash);
		int height = (int) Math.ceil(box.getHeight() * scale);
		return new Projection(box, width, height, scale, squash);
	}

	/** What one unit of the picture is in degrees (of latitude). */
	double unit() {
		return 1 / this.scale;
	}

	long x(double longitude) {
		return Math.round((longitude - this.box.getMinX()) * this.squash * this.scale);
	}

	long y(double latitude) {
		return Math.round((this.box.getMaxY() - latitude) * this.scale);
	}

	String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	/**
	 * The SVG path of a polygon or multipolygon: each ring a move and then relative steps
	 * in whole units, steps of nothing left out, which keeps it short and compressible.
	 */
	String path(Geometry geometry) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < geometry.getNumGeometries(); i++) {
			if (geometry.getGeometryN(i) instanceof Polygon polygon) {
				ring(path, polygon.getExteriorRing());
				for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
					ring(path, polygon.getInteriorRingN(hole));
				}
			}
		}
		return path.toString();
	}

	private void ring(StringBuilder path, LineString ring) {
		Coordinate[] points = ring.getCoordinates();
		long lastX = x(points[0].x);
		long lastY = y(points[0].y);
		path.append('M').append(lastX).append(' ').append(lastY).append('l');
		int steps = 0;
		for (int i = 1; i < points.length - 1; i++) {
			long x = x(points[i].x);
			long y = y(points[i].y);
			if (x == lastX && y == lastY) {
				continue;
			}
			long dx = x - lastX;
			long dy = y - lastY;
			if (steps > 0 && dx >= 0) {
				path.append(' ');
			}
			path.append(dx);
			if (dy >= 0) {
				path.append(' ');
			}
			path.append(dy);
			lastX = x;
			lastY = y;
			steps++;
		}
		path.append('z');
	}

}
