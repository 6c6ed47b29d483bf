package uk.yourarea.consultation;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One issue people may choose in a consultation, like "Speeding". */
@Entity
class ConsultationIssue {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "consultation_id")
	private Consultation consultation;

	private int position;

	private String label;

	protected ConsultationIssue() {
	}

	ConsultationIssue(Consultation consultation, int position, String label) {
		this.consultation = consultation;
		this.position = position;
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

	public int getPosition() {
		return this.position;
	}

	public String getLabel() {
		return this.label;
	}

}
